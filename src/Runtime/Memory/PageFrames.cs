namespace Kmem;

/// <summary>
/// The page-level API: blocks handed out by address (__get_free_pages) or by descriptor
/// (alloc_pages), their release, and the conversions between descriptors and addresses.
/// </summary>
internal sealed class PageFrames
{
    private readonly AddressLayout layout;
    private readonly PhysicalMemory physical;
    private readonly PageOwners owners;
    private readonly PageAllocator pages;
    private readonly KmapWindow kmap;
    private readonly MemoryBugs bugs;
    private readonly MemoryDebug debug;

    public PageFrames(AddressLayout layout, PhysicalMemory physical, PageOwners owners, PageAllocator pages, KmapWindow kmap, MemoryBugs bugs, MemoryDebug debug)
    {
        this.debug = debug;
        this.layout = layout;
        this.physical = physical;
        this.owners = owners;
        this.pages = pages;
        this.kmap = kmap;
        this.bugs = bugs;
    }

    /// <summary>Lowmem pages by direct-map address; 0 on failure.</summary>
    public ulong AllocateAddress(gfp_t gfp, int order, string caller)
    {
        if (debug.ChecksGfp && (gfp & gfp_t.__GFP_HIGHMEM) != 0)
            bugs.UnexpectedGfp(gfp, gfp_t.__GFP_HIGHMEM);
        long pfn = Allocate(gfp & ~gfp_t.__GFP_HIGHMEM, order, MemoryFamily.PageAddress, caller);
        return pfn < 0 ? 0 : AddressLayout.PfnToVirt(pfn);
    }

    /// <summary>Pages by descriptor (highmem if the mask allows); null on failure.</summary>
    public page? AllocatePage(gfp_t gfp, int order, string caller)
    {
        long pfn = Allocate(gfp, order, MemoryFamily.Page, caller);
        return pfn < 0 ? null : physical.Page(pfn);
    }

    /// <summary>Frees pages given by direct-map address; 0 is a no-op.</summary>
    public void FreeAddress(ulong address, int order, string caller)
    {
        if (address == 0)
            return;
        if (!layout.IsDirectMap(address))
        {
            bugs.BadPageState(-1, address, $"{caller}() of an address outside the direct map", "KMEM003");
            return;
        }
        if ((address & (AddressLayout.PageSize - 1)) != 0)
        {
            bugs.BadPageState(AddressLayout.DirectMapPfn(address), address, $"{caller}() of an address that does not start a page", "KMEM004");
            return;
        }
        Free(AddressLayout.DirectMapPfn(address), order, address, caller);
    }

    public void FreePage(page page, int order, string caller) => Free(page.Pfn, order, PageAddress(page), caller);

    /// <summary>The direct-map address of a lowmem page, the kmap address of a mapped highmem page, else 0.</summary>
    public ulong PageAddress(page page) =>
        layout.IsLowmem(page.Pfn) ? AddressLayout.PfnToVirt(page.Pfn) : kmap.AddressOf(page.Pfn);

    public ulong Map(page page) =>
        layout.IsLowmem(page.Pfn) ? AddressLayout.PfnToVirt(page.Pfn) : kmap.Map(page.Pfn);

    public void Unmap(page page, string caller)
    {
        if (!layout.IsLowmem(page.Pfn) && !kmap.Unmap(page.Pfn))
            throw bugs.Oops($"kernel BUG at mm/highmem.c:{caller}: page pfn:{page.Pfn:x5} is not mapped", AddressLayout.PfnToPhys(page.Pfn));
    }

    /// <summary>The frame of a direct-map address; any other address is a kernel BUG, as with CONFIG_DEBUG_VIRTUAL.</summary>
    public long DirectMapPfn(ulong address, string caller)
    {
        if (!layout.IsDirectMap(address))
            throw bugs.Oops($"kernel BUG at arch/x86/mm/physaddr.c:81!\n{caller}: virt_to_phys used for non-linear address: 0x{address:x8}", address);
        return AddressLayout.DirectMapPfn(address);
    }

    public page PageOf(long pfn) => physical.Page(pfn);

    private long Allocate(gfp_t gfp, int order, MemoryFamily family, string caller)
    {
        long pfn = pages.Allocate(gfp, order, caller);
        if (pfn < 0)
            return -1;
        ulong start = layout.IsLowmem(pfn) ? AddressLayout.PfnToVirt(pfn) : AddressLayout.PfnToPhys(pfn);
        owners.Set(pfn, 1L << order, new PageBlock(pfn, order, new Allocation(family, start, AddressLayout.PageSize << order, caller, debug.AllocationStack())));
        return pfn;
    }

    private void Free(long pfn, int order, ulong address, string caller)
    {
        var owner = pfn >= 0 && pfn < layout.TotalPages ? owners[pfn] : null;
        const string doubleFree = "page is not allocated (double free?)";
        (string? problem, string? ruleId) = owner switch
        {
            null => (doubleFree, "KMEM007"),
            PageBlock block when block.HeadPfn != pfn => ("not the first page of its allocation", "KMEM004"),
            PageBlock block when (block.Allocation.Family & (MemoryFamily.Page | MemoryFamily.PageAddress)) == 0 => ($"page belongs to {block.Allocation.AllocatedBy}() memory", "KMEM003"),
            PageBlock block when block.Order != order => ($"freed with order {order}, allocated with order {block.Order}", "KMEM004"),
            PageBlock => (null, null),
            _ => ("page belongs to a slab or vmalloc area", "KMEM003"),
        };
        var found = owner as PageBlock;
        if (problem == null && !found!.Allocation.TryRelease(debug.FreeStack()))
            (problem, ruleId) = (doubleFree, "KMEM007");
        if (problem != null)
        {
            bugs.BadPageState(pfn, address, $"{caller}: {problem}", ruleId);
            return;
        }
        owners.Clear(pfn, 1L << order);
        pages.Free(pfn, order);
    }
}
