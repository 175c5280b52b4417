using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
namespace Kmem.Analyzers.Flow;

/// <summary>
/// The values of a method's allocation sites (at most 64), stored as one bit mask of sites per <see cref="SiteFlags"/>
/// state: setting a site, joining two states and comparing them are a few word operations, and a state costs no array.
/// </summary>
internal readonly struct SiteValues
{
    private readonly ulong uncheckedSites, nonNullSites, nullSites, releasedSites, escapedUncheckedSites, escapedNonNullSites;

    [MethodImpl(Jit.Optimized)]
    private SiteValues(ulong uncheckedSites, ulong nonNullSites, ulong nullSites, ulong releasedSites, ulong escapedUncheckedSites, ulong escapedNonNullSites)
    {
        this.uncheckedSites = uncheckedSites;
        this.nonNullSites = nonNullSites;
        this.nullSites = nullSites;
        this.releasedSites = releasedSites;
        this.escapedUncheckedSites = escapedUncheckedSites;
        this.escapedNonNullSites = escapedNonNullSites;
    }

    public SiteFlags this[int site] => Union(1UL << site);

    /// <summary>The same values with <paramref name="site"/>'s replaced by <paramref name="value"/>.</summary>
    [MethodImpl(Jit.Optimized)]
    public SiteValues With(int site, SiteFlags value)
    {
        var bit = 1UL << site;
        return new SiteValues(
            Place(uncheckedSites, bit, value, SiteFlags.Unchecked),
            Place(nonNullSites, bit, value, SiteFlags.NonNull),
            Place(nullSites, bit, value, SiteFlags.Null),
            Place(releasedSites, bit, value, SiteFlags.Released),
            Place(escapedUncheckedSites, bit, value, SiteFlags.EscapedUnchecked),
            Place(escapedNonNullSites, bit, value, SiteFlags.EscapedNonNull));
    }

    /// <summary>The union of the values of the sites in <paramref name="mask"/>.</summary>
    [MethodImpl(Jit.Optimized)]
    public SiteFlags Union(ulong mask)
    {
        var flags = SiteFlags.None;
        if ((uncheckedSites & mask) != 0) flags |= SiteFlags.Unchecked;
        if ((nonNullSites & mask) != 0) flags |= SiteFlags.NonNull;
        if ((nullSites & mask) != 0) flags |= SiteFlags.Null;
        if ((releasedSites & mask) != 0) flags |= SiteFlags.Released;
        if ((escapedUncheckedSites & mask) != 0) flags |= SiteFlags.EscapedUnchecked;
        if ((escapedNonNullSites & mask) != 0) flags |= SiteFlags.EscapedNonNull;
        return flags;
    }

    /// <summary>Each site's values joined (set union of its states).</summary>
    [MethodImpl(Jit.Optimized)]
    public static SiteValues Join(SiteValues left, SiteValues right) => new(
        left.uncheckedSites | right.uncheckedSites, left.nonNullSites | right.nonNullSites, left.nullSites | right.nullSites,
        left.releasedSites | right.releasedSites, left.escapedUncheckedSites | right.escapedUncheckedSites, left.escapedNonNullSites | right.escapedNonNullSites);

    [MethodImpl(Jit.Optimized)]
    public bool SameAs(SiteValues other) =>
        uncheckedSites == other.uncheckedSites && nonNullSites == other.nonNullSites && nullSites == other.nullSites
        && releasedSites == other.releasedSites && escapedUncheckedSites == other.escapedUncheckedSites && escapedNonNullSites == other.escapedNonNullSites;

    [MethodImpl(Jit.Optimized)]
    private static ulong Place(ulong plane, ulong bit, SiteFlags value, SiteFlags state) =>
        (value & state) != 0 ? plane | bit : plane & ~bit;
}
