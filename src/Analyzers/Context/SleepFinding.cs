using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace Kmem.Analyzers.Context;

/// <summary>A sleeping call reached in atomic context: what KMEM001 reports at the call.</summary>
internal sealed class SleepFinding
{
    public SleepFinding(string what, string why, string chain, ImmutableArray<TextSpan> gfpRewrites)
    {
        What = what;
        Why = why;
        Chain = chain;
        GfpRewrites = gfpRewrites;
    }

    public string What { get; }

    public string Why { get; }

    /// <summary><c>rx_irq -> refill_ring -> kmalloc</c>.</summary>
    public string Chain { get; }

    /// <summary>The names in the mask argument to rewrite to <c>GFP_ATOMIC</c>; empty when no safe fix exists.</summary>
    public ImmutableArray<TextSpan> GfpRewrites { get; }
}
