namespace Kmem;

/// <summary>
/// What an address falls in, for checking an access: the accessible range [Start, End) of its
/// allocation, or why it cannot be accessed at all. <see cref="BugPrefix"/> names the memory in
/// KASAN-style reports ("slab" gives "slab-out-of-bounds").
/// </summary>
internal readonly record struct AccessRegion(ulong Start, ulong End, string BugPrefix, bool Freed)
{
    /// <summary>No mapping and no allocation: the access page-faults.</summary>
    public static readonly AccessRegion Unmapped = new(0, 0, "", false);

    public bool IsUnmapped => End == 0 && !Freed;

    public static AccessRegion Live(ulong start, ulong end, string bugPrefix) => new(start, end, bugPrefix, false);

    public static AccessRegion FreedMemory(string bugPrefix) => new(0, 0, bugPrefix, true);

    public string BugName(string bug) => BugPrefix.Length == 0 ? bug : BugPrefix + "-" + bug;
}
