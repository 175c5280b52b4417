using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>A source method, local function or lambda of the compilation: a node of the call graph.</summary>
internal sealed class MethodNode
{
    public MethodNode(IMethodSymbol symbol)
    {
        Symbol = symbol;
        Name = ContextNames.Of(symbol);
    }

    public IMethodSymbol Symbol { get; }

    public string Name { get; }

    /// <summary>The calls made by the body itself (not by the lambdas and local functions in it), in source order.</summary>
    public List<CallSite> Calls { get; } = new();

    /// <summary>
    /// The gfp parameters this method forwards to an allocator (directly or through other
    /// wrappers): parameter ordinal -> the chain from the first callee to the allocator.
    /// </summary>
    public SortedDictionary<int, ImmutableArray<string>> ForwardedGfp { get; } = new();

    /// <summary>Whether the body releases an atomic section its caller opened (<c>spin_unlock</c> with no lock of its own held).</summary>
    public bool ReleasesCallerSection { get; set; }

    /// <summary>Why the method runs in atomic context; null when it is not known to.</summary>
    public AtomicReason? Atomic { get; set; }
}
