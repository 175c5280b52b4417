namespace Kmem;

/// <summary>
/// kmalloc: requests up to KMALLOC_MAX_CACHE_SIZE go to the smallest kmalloc-N cache that fits
/// (dma-kmalloc-N for __GFP_DMA); larger ones take whole pages from the page allocator.
/// </summary>
internal sealed class KmallocAllocator
{
    private static readonly long[] SizeClasses = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192 };

    private readonly SlabCaches registry;
    private readonly SlabCache[] caches = new SlabCache[SizeClasses.Length];
    private readonly SlabCache?[] dmaCaches = new SlabCache?[SizeClasses.Length];
    private readonly PageAllocator pages;
    private readonly PageOwners owners;
    private readonly AddressLayout layout;
    private readonly MemoryAccess access;
    private readonly MemoryBugs bugs;
    private readonly MemoryDebug debug;

    public KmallocAllocator(SlabCaches registry, PageAllocator pages, PageOwners owners, AddressLayout layout, MemoryAccess access, MemoryBugs bugs, MemoryDebug debug)
    {
        this.debug = debug;
        this.registry = registry;
        this.pages = pages;
        this.owners = owners;
        this.layout = layout;
        this.access = access;
        this.bugs = bugs;
        for (int i = 0; i < SizeClasses.Length; i++)
            caches[i] = registry.Add(CacheName("kmalloc-", SizeClasses[i]), SizeClasses[i], 0, 0, null);
    }

    /// <summary>Allocates <paramref name="size"/> bytes; ZERO_SIZE_PTR for 0, 0 on failure.</summary>
    public ulong Allocate(long size, gfp_t gfp, MemoryFamily family, string caller)
    {
        if (debug.ChecksGfp && (gfp & gfp_t.__GFP_HIGHMEM) != 0)
            bugs.UnexpectedGfp(gfp, gfp_t.__GFP_HIGHMEM);
        if (size == 0)
            return Kernel.ZERO_SIZE_PTR.Value;
        if (size > 0 && size <= Kernel.KMALLOC_MAX_CACHE_SIZE)
            return CacheFor(size, gfp).Allocate(gfp, family, size, caller)?.Start ?? 0;
        int order = size > 0 && size <= Kernel.KMALLOC_MAX_SIZE ? Kernel.get_order(size) : Kernel.MAX_PAGE_ORDER + 1;
        long pfn = pages.Allocate((gfp & ~gfp_t.__GFP_HIGHMEM) | gfp_t.__GFP_COMP, order, caller);
        if (pfn < 0)
            return 0;
        ulong start = AddressLayout.PfnToVirt(pfn);
        owners.Set(pfn, 1L << order, new PageBlock(pfn, order, new Allocation(family, start, size, caller, debug.AllocationStack())));
        debug.Unpoison(start, size, AddressLayout.PageSize << order, ShadowCode.PageRedzone);
        return start;
    }

    /// <summary>Frees kmalloc memory (or another slab object when <paramref name="accepted"/> allows); reports anything else.</summary>
    public void Free(ulong address, MemoryFamily accepted, string caller)
    {
        if (address <= Kernel.ZERO_SIZE_PTR.Value)
            return;
        var owner = layout.IsDirectMap(address) ? owners[AddressLayout.DirectMapPfn(address)] : null;
        switch (owner)
        {
            case Slab slab:
                var result = slab.Cache.Free(slab, address, accepted, debug.FreeStack());
                if (result != SlabFreeResult.Freed)
                    bugs.InvalidFree(caller, address, Reason(result, slab.Cache.Name), result.ReportKind(), result.RuleId(), access.FindObject(address));
                return;
            case PageBlock block when block.Allocation.Start == address && (block.Allocation.Family & accepted) != 0:
                if (!block.Allocation.TryRelease(debug.FreeStack()))
                {
                    bugs.InvalidFree(caller, address, "object already freed", KernelReportKind.DoubleFree, "KMEM007", access.FindObject(address));
                    return;
                }
                owners.Clear(block.HeadPfn, block.PageCount);
                pages.Free(block.HeadPfn, block.Order);
                return;
            case PageBlock block when block.Allocation.Start == address:
                bugs.InvalidFree(caller, address, $"not memory from kmalloc but from {block.Allocation.AllocatedBy}()", ruleId: "KMEM003", obj: access.FindObject(address));
                return;
            default:
                bool vmalloc = AddressLayout.IsVmalloc(address);
                bugs.InvalidFree(caller, address, vmalloc ? "not memory from kmalloc but a vmalloc address" : owner == null ? "address is not allocated" : "not the start of an object",
                    ruleId: vmalloc ? "KMEM003" : null, obj: access.FindObject(address));
                return;
        }
    }

    /// <summary>The live kmalloc allocation starting at <paramref name="address"/> and the bytes it may grow to in place.</summary>
    public (Allocation Allocation, long Usable)? Find(ulong address)
    {
        var owner = layout.IsDirectMap(address) ? owners[AddressLayout.DirectMapPfn(address)] : null;
        const MemoryFamily kmallocLike = MemoryFamily.Kmalloc | MemoryFamily.Kvmalloc | MemoryFamily.SlabObject;
        switch (owner)
        {
            case Slab slab:
                int slot = slab.SlotOf(address);
                var allocation = slot < 0 ? null : slab.Objects[slot];
                if (allocation != null && allocation.Start == address && allocation.IsLive && (allocation.Family & kmallocLike) != 0)
                    return (allocation, slab.Cache.ObjectSize);
                return null;
            case PageBlock block when block.Allocation.Start == address && block.Allocation.IsLive && (block.Allocation.Family & kmallocLike) != 0:
                return (block.Allocation, AddressLayout.PageSize << block.Order);
            default:
                return null;
        }
    }

    /// <summary>ksize: the usable size of a kmalloc object; 0 for NULL and ZERO_SIZE_PTR.</summary>
    public long UsableSize(ulong address, string caller)
    {
        if (address <= Kernel.ZERO_SIZE_PTR.Value)
            return 0;
        if (Find(address) is { } found)
            return found.Usable;
        access.Check(address, 1, write: false, caller);
        return 0;
    }

    public ulong Reallocate(ulong address, long newSize, gfp_t gfp, string caller)
    {
        if (newSize == 0)
        {
            Free(address, MemoryFamily.Kmalloc | MemoryFamily.Kvmalloc | MemoryFamily.SlabObject, caller);
            return Kernel.ZERO_SIZE_PTR.Value;
        }
        if (address <= Kernel.ZERO_SIZE_PTR.Value)
            return Allocate(newSize, gfp, MemoryFamily.Kmalloc, caller);
        if (Find(address) is not { } found)
        {
            bugs.InvalidFree(caller, address, "not memory from kmalloc");
            return 0;
        }
        var (old, usable) = found;
        long oldSize = old.Size;
        if (newSize > 0 && newSize <= usable)
        {
            old.Size = newSize;
            bool inSlab = owners[AddressLayout.DirectMapPfn(address)] is Slab;
            debug.Unpoison(address, newSize, usable, inSlab ? ShadowCode.SlabRedzone : ShadowCode.PageRedzone);
            if ((gfp & gfp_t.__GFP_ZERO) != 0 && newSize > oldSize)
                access.Fill(address + (ulong)oldSize, newSize - oldSize, 0, caller);
            return address;
        }
        ulong fresh = Allocate(newSize, gfp, MemoryFamily.Kmalloc, caller);
        if (fresh == 0)
            return 0;
        access.Write(fresh, access.ReadArray(address, oldSize, caller), caller);
        Free(address, MemoryFamily.Kmalloc | MemoryFamily.Kvmalloc | MemoryFamily.SlabObject, caller);
        return fresh;
    }

    private SlabCache CacheFor(long size, gfp_t gfp)
    {
        int index = 0;
        while (SizeClasses[index] < size)
            index++;
        if ((gfp & gfp_t.__GFP_DMA) == 0)
            return caches[index];
        lock (dmaCaches)
            return dmaCaches[index] ??= registry.Add(CacheName("dma-kmalloc-", SizeClasses[index]), SizeClasses[index], 0, slab_flags_t.SLAB_CACHE_DMA, null);
    }

    private static string CacheName(string prefix, long size) => size >= 1024 ? $"{prefix}{size / 1024}k" : $"{prefix}{size}";

    private static string Reason(SlabFreeResult result, string cacheName) => result switch
    {
        SlabFreeResult.AlreadyFree => $"object in {cacheName} already freed",
        SlabFreeResult.WrongFamily => $"object in {cacheName} is not kmalloc memory",
        _ => $"not the start of an object in {cacheName}",
    };
}
