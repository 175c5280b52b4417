using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>A call that may sleep by itself: a <c>[MightSleep]</c> function, or an allocation (direct or through a gfp-forwarding wrapper) whose mask allows direct reclaim.</summary>
internal sealed class SleepingCall
{
    public SleepingCall(string what, ImmutableArray<string> chain, IOperation? gfpArgument)
    {
        What = what;
        Chain = chain;
        GfpArgument = gfpArgument;
    }

    /// <summary>The call as the message names it: <c>kmalloc with GFP_KERNEL</c>, <c>mutex_lock</c>.</summary>
    public string What { get; }

    /// <summary>The chain from the called function to the one that sleeps: <c>[ctl_cmd_alloc, kzalloc]</c>.</summary>
    public ImmutableArray<string> Chain { get; }

    /// <summary>The constant mask argument that makes the call sleep; null when no mask is involved.</summary>
    public IOperation? GfpArgument { get; }
}
