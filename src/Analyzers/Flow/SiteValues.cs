namespace Kmem.Analyzers.Flow;

/// <summary>
/// The values of a method's allocation sites (at most 64), stored as one bit mask of sites per <see cref="SiteFlags"/>
/// state: setting a site, joining two states and comparing them are a few word operations, and a state costs no array.
/// </summary>
internal readonly struct SiteValues
{
    private readonly ulong unchecked_, nonNull, isNull, released, escapedUnchecked, escapedNonNull;

    private SiteValues(ulong unchecked_, ulong nonNull, ulong isNull, ulong released, ulong escapedUnchecked, ulong escapedNonNull)
    {
        this.unchecked_ = unchecked_;
        this.nonNull = nonNull;
        this.isNull = isNull;
        this.released = released;
        this.escapedUnchecked = escapedUnchecked;
        this.escapedNonNull = escapedNonNull;
    }

    public SiteFlags this[int site] => Union(1UL << site);

    /// <summary>The same values with <paramref name="site"/>'s replaced by <paramref name="value"/>.</summary>
    public SiteValues With(int site, SiteFlags value)
    {
        var bit = 1UL << site;
        return new SiteValues(
            Place(unchecked_, bit, value, SiteFlags.Unchecked),
            Place(nonNull, bit, value, SiteFlags.NonNull),
            Place(isNull, bit, value, SiteFlags.Null),
            Place(released, bit, value, SiteFlags.Released),
            Place(escapedUnchecked, bit, value, SiteFlags.EscapedUnchecked),
            Place(escapedNonNull, bit, value, SiteFlags.EscapedNonNull));
    }

    /// <summary>The union of the values of the sites in <paramref name="mask"/>.</summary>
    public SiteFlags Union(ulong mask)
    {
        var flags = SiteFlags.None;
        if ((unchecked_ & mask) != 0) flags |= SiteFlags.Unchecked;
        if ((nonNull & mask) != 0) flags |= SiteFlags.NonNull;
        if ((isNull & mask) != 0) flags |= SiteFlags.Null;
        if ((released & mask) != 0) flags |= SiteFlags.Released;
        if ((escapedUnchecked & mask) != 0) flags |= SiteFlags.EscapedUnchecked;
        if ((escapedNonNull & mask) != 0) flags |= SiteFlags.EscapedNonNull;
        return flags;
    }

    /// <summary>Each site's values joined (set union of its states).</summary>
    public static SiteValues Join(SiteValues left, SiteValues right) => new(
        left.unchecked_ | right.unchecked_, left.nonNull | right.nonNull, left.isNull | right.isNull,
        left.released | right.released, left.escapedUnchecked | right.escapedUnchecked, left.escapedNonNull | right.escapedNonNull);

    public bool SameAs(SiteValues other) =>
        unchecked_ == other.unchecked_ && nonNull == other.nonNull && isNull == other.isNull
        && released == other.released && escapedUnchecked == other.escapedUnchecked && escapedNonNull == other.escapedNonNull;

    private static ulong Place(ulong plane, ulong bit, SiteFlags value, SiteFlags state) =>
        (value & state) != 0 ? plane | bit : plane & ~bit;
}
