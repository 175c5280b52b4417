namespace Kmem;

/// <summary>
/// vmalloc: reserves a virtual range (plus a guard page), takes order-0 frames one by one (highmem
/// first), and maps them contiguously. vfree undoes it all.
/// </summary>
internal sealed class VmallocAllocator
{
    private readonly AddressLayout layout;
    private readonly VmallocSpace space;
    private readonly PageAllocator pages;
    private readonly PageOwners owners;
    private readonly MemoryLog log;
    private readonly MemoryBugs bugs;
    private readonly MemoryDebug debug;

    public VmallocAllocator(AddressLayout layout, VmallocSpace space, PageAllocator pages, PageOwners owners, MemoryLog log, MemoryBugs bugs, MemoryDebug debug)
    {
        this.debug = debug;
        this.layout = layout;
        this.space = space;
        this.pages = pages;
        this.owners = owners;
        this.log = log;
        this.bugs = bugs;
    }

    /// <summary>Allocates <paramref name="size"/> bytes of vmalloc memory; 0 on failure.</summary>
    public ulong Allocate(long size, gfp_t gfp, MemoryFamily family, string caller)
    {
        if (size == 0)
        {
            log.Warn($"WARNING: CPU: 0 PID: {CurrentTask.Pid} at mm/vmalloc.c:3786 __vmalloc_node_range_noprof\n{caller}: size 0");
            return 0;
        }
        long pageCount = size < 0 ? long.MaxValue : (size + AddressLayout.PageSize - 1) >> AddressLayout.PageShift;
        if (pageCount > layout.TotalPages)
        {
            WarnAlloc(gfp, $"vmalloc error: size {(ulong)size}, exceeds total pages");
            return 0;
        }
        long firstSlot = space.Reserve(pageCount + 1);
        if (firstSlot < 0)
        {
            WarnAlloc(gfp, $"vmalloc error: size {size}, vm_struct allocation failed");
            return 0;
        }
        var pfns = new long[pageCount];
        var pageGfp = (gfp & ~gfp_t.__GFP_DMA) | gfp_t.__GFP_HIGHMEM;
        for (long i = 0; i < pageCount; i++)
        {
            pfns[i] = pages.Allocate(pageGfp, 0, caller);
            if (pfns[i] < 0)
            {
                for (long j = 0; j < i; j++)
                    pages.Free(pfns[j], 0);
                space.Release(firstSlot, pageCount + 1);
                WarnAlloc(gfp, $"vmalloc error: size {size}, failed to allocate pages");
                return 0;
            }
        }
        ulong start = VmallocSpace.SlotAddress(firstSlot);
        var area = new VmallocArea(firstSlot, pfns, new Allocation(family, start, size, caller, debug.AllocationStack()));
        long tail = size & (AddressLayout.PageSize - 1);
        if (tail != 0)
            debug.Shadow?.Set(pfns[^1], tail, AddressLayout.PageSize - tail, ShadowCode.VmallocInvalid);
        foreach (long pfn in pfns)
            owners.Set(pfn, 1, area);
        space.Map(area);
        return start;
    }

    /// <summary>Frees the area starting at <paramref name="address"/>; reports anything else.</summary>
    public void Free(ulong address, MemoryFamily accepted, string caller)
    {
        if (address == 0)
            return;
        var area = AddressLayout.IsVmalloc(address) ? space.AreaAt(address) : null;
        if (area == null || area.Start != address || (area.Allocation.Family & accepted) == 0 || !area.Allocation.TryRelease(debug.FreeStack()))
        {
            bool wrongFamily = layout.IsDirectMap(address) || area is not null && area.Start == address && (area.Allocation.Family & accepted) == 0;
            bugs.NoVmArea(caller, address, KernelReportKind.InvalidFree, wrongFamily ? "KMEM003" : null);
            return;
        }
        space.Unmap(area);
        foreach (long pfn in area.Pfns)
        {
            owners.Clear(pfn, 1);
            pages.Free(pfn, 0);
        }
        space.Release(area.FirstSlot, area.ReservedPages);
    }

    /// <summary>The frame behind a vmalloc address, or -1.</summary>
    public long PfnAt(ulong address) => AddressLayout.IsVmalloc(address) ? space.PfnAt(address) : -1;

    private void WarnAlloc(gfp_t gfp, string message)
    {
        if ((gfp & gfp_t.__GFP_NOWARN) == 0)
            log.Warn($"{CurrentTask.Comm}: {message}, mode:{GfpNames.Mode(gfp)}, nodemask=(null)");
    }
}
