namespace Kmem;

/// <summary>2^order contiguous frames handed out whole: by the page allocator's API or by kmalloc for large sizes.</summary>
internal sealed class PageBlock : PageOwner
{
    public PageBlock(long headPfn, int order, Allocation allocation)
    {
        HeadPfn = headPfn;
        Order = order;
        Allocation = allocation;
    }

    public long HeadPfn { get; }
    public int Order { get; }
    public Allocation Allocation { get; }

    public long PageCount => 1L << Order;

    public override bool IsLive => Allocation.IsLive;

    public override AccessRegion RegionAt(ulong address, long pfn)
    {
        if (!Allocation.IsLive)
            return AccessRegion.FreedMemory("");
        ulong start = AddressLayout.PfnToVirt(HeadPfn);
        string prefix = Allocation.Family is MemoryFamily.Kmalloc or MemoryFamily.Kvmalloc ? "slab" : "";
        return AccessRegion.Live(start, start + (ulong)Allocation.Size, prefix);
    }
}
