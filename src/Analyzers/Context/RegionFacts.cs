using System.Collections.Generic;

namespace Kmem.Analyzers.Context;

/// <summary>What the atomic-region analysis found in the bodies it ran on, by call.</summary>
internal sealed class RegionFacts
{
    /// <summary>The calls made inside an atomic section, with the outermost section open there.</summary>
    public Dictionary<SyntaxKey, AtomicSection> Inside { get; } = new();

    /// <summary>The <c>[ExitsAtomic]</c> calls made with no section of the body's own open: they release the caller's.</summary>
    public HashSet<SyntaxKey> UnbalancedExits { get; } = new();
}
