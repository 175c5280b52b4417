namespace Kmem;

/// <summary>
/// One vmalloc allocation: virtually contiguous pages in the vmalloc area, each backed by a frame
/// taken on its own. A guard page follows it. It owns its frames, which stay reachable through the
/// direct map (lowmem) or kmap (highmem) while it lives.
/// </summary>
internal sealed class VmallocArea : PageOwner
{
    public VmallocArea(long firstSlot, long[] pfns, Allocation allocation)
    {
        FirstSlot = firstSlot;
        Pfns = pfns;
        Allocation = allocation;
    }

    /// <summary>The index of its first page in the vmalloc area.</summary>
    public long FirstSlot { get; }

    /// <summary>The frame behind each page, in virtual order.</summary>
    public long[] Pfns { get; }

    public Allocation Allocation { get; }

    public ulong Start => Allocation.Start;

    /// <summary>The pages it reserves: its own and the guard page.</summary>
    public long ReservedPages => Pfns.LongLength + 1;

    public override bool IsLive => Allocation.IsLive;

    /// <summary>Access through the direct map reaches one whole backing page.</summary>
    public override AccessRegion RegionAt(ulong address, long pfn)
    {
        if (!IsLive)
            return AccessRegion.FreedMemory("");
        ulong start = AddressLayout.PageStart(address);
        return AccessRegion.Live(start, start + AddressLayout.PageSize, "");
    }

    /// <summary>Access through the vmalloc address is bounded by the requested size.</summary>
    public AccessRegion VmallocRegion() =>
        IsLive ? AccessRegion.Live(Start, Start + (ulong)Allocation.Size, "vmalloc") : AccessRegion.FreedMemory("vmalloc");
}
