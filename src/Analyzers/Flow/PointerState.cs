using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The abstract state at one program point: the value of every allocation site of the method and,
/// for every holder, the sites it may hold (a bit mask over site indexes). Immutable.
/// </summary>
internal sealed class PointerState
{
    [MethodImpl(Jit.Optimized)]
    public PointerState(SiteValues sites, HolderMap holders)
    {
        Sites = sites;
        Holders = holders;
    }

    public SiteValues Sites { get; }
    public HolderMap Holders { get; }

    public SiteFlags this[int site] => Sites[site];

    /// <summary>The sites a holder may hold.</summary>
    [MethodImpl(Jit.Optimized)]
    public ulong Held(Holder holder) => Holders.TryGetValue(holder, out var mask) ? mask : 0;

    /// <summary>The union of the values of the sites in <paramref name="mask"/>.</summary>
    [MethodImpl(Jit.Optimized)]
    public SiteFlags Flags(ulong mask) => Sites.Union(mask);

    /// <summary>The holders, other than flow captures, that may hold <paramref name="site"/>.</summary>
    public IEnumerable<Holder> HoldersOf(int site)
    {
        foreach (var held in Holders)
        {
            if ((held.Sites & (1UL << site)) != 0 && !held.Holder.IsCapture)
                yield return held.Holder;
        }
    }

    /// <summary>The least upper bound; returns <paramref name="left"/> itself when <paramref name="right"/> adds nothing, so the solver's fixed-point test is a reference check.</summary>
    [MethodImpl(Jit.Optimized)]
    public static PointerState Join(PointerState left, PointerState right)
    {
        if (ReferenceEquals(left, right))
            return left;
        var sites = SiteValues.Join(left.Sites, right.Sites);
        var sitesChanged = !sites.SameAs(left.Sites);
        var holders = HolderMap.Union(left.Holders, right.Holders);
        if (!sitesChanged && ReferenceEquals(holders, left.Holders))
            return left;
        return new PointerState(sites, holders);
    }

    [MethodImpl(Jit.Optimized)]
    public static bool Same(PointerState left, PointerState right)
    {
        if (ReferenceEquals(left, right))
            return true;
        if (!left.Sites.SameAs(right.Sites))
            return false;
        return HolderMap.Same(left.Holders, right.Holders);
    }
}
