namespace Kmem;

public static partial class Kernel
{
    /// <summary>Allocates 2^<paramref name="order"/> contiguous lowmem pages and returns their address; 0 on failure.</summary>
    [Allocates(MemoryFamily.PageAddress)]
    public static ulong __get_free_pages([Gfp] gfp_t gfp_mask, [Order] int order)
    {
        var m = Machine.Current;
        m.MightSleepIf(gfp_mask, nameof(__get_free_pages));
        return m.Memory.Frames.AllocateAddress(gfp_mask, order, nameof(__get_free_pages));
    }

    /// <summary>Allocates one page and returns its address; 0 on failure.</summary>
    [Allocates(MemoryFamily.PageAddress, FixedOrder = 0)]
    public static ulong __get_free_page([Gfp] gfp_t gfp_mask)
    {
        var m = Machine.Current;
        m.MightSleepIf(gfp_mask, nameof(__get_free_page));
        return m.Memory.Frames.AllocateAddress(gfp_mask, 0, nameof(__get_free_page));
    }

    /// <summary>Allocates one zeroed page and returns its address; 0 on failure.</summary>
    [Allocates(MemoryFamily.PageAddress, FixedOrder = 0, Zeroes = true)]
    public static ulong get_zeroed_page([Gfp] gfp_t gfp_mask)
    {
        var m = Machine.Current;
        m.MightSleepIf(gfp_mask, nameof(get_zeroed_page));
        return m.Memory.Frames.AllocateAddress(gfp_mask | __GFP_ZERO, 0, nameof(get_zeroed_page));
    }

    /// <summary>Releases 2^<paramref name="order"/> pages at <paramref name="addr"/>; 0 is a no-op.</summary>
    [Releases(MemoryFamily.PageAddress)]
    public static void free_pages([Freed] ulong addr, [Order] int order) => Machine.Current.Memory.Frames.FreeAddress(addr, order, nameof(free_pages));

    /// <summary>Releases one page at <paramref name="addr"/>; 0 is a no-op.</summary>
    [Releases(MemoryFamily.PageAddress, FixedOrder = 0)]
    public static void free_page([Freed] ulong addr) => Machine.Current.Memory.Frames.FreeAddress(addr, 0, nameof(free_page));

    /// <summary>Allocates 2^<paramref name="order"/> contiguous pages; null on failure.</summary>
    [Allocates(MemoryFamily.Page)]
    public static page? alloc_pages([Gfp] gfp_t gfp_mask, [Order] int order)
    {
        var m = Machine.Current;
        m.MightSleepIf(gfp_mask, nameof(alloc_pages));
        return m.Memory.Frames.AllocatePage(gfp_mask, order, nameof(alloc_pages));
    }

    /// <summary>Allocates one page; null on failure.</summary>
    [Allocates(MemoryFamily.Page, FixedOrder = 0)]
    public static page? alloc_page([Gfp] gfp_t gfp_mask)
    {
        var m = Machine.Current;
        m.MightSleepIf(gfp_mask, nameof(alloc_page));
        return m.Memory.Frames.AllocatePage(gfp_mask, 0, nameof(alloc_page));
    }

    /// <summary>Releases 2^<paramref name="order"/> pages starting at <paramref name="page"/>.</summary>
    [Releases(MemoryFamily.Page, AcceptsNull = false)]
    public static void __free_pages([Freed] page page, [Order] int order) => Machine.Current.Memory.Frames.FreePage(page, order, nameof(__free_pages));

    /// <summary>Releases one page.</summary>
    [Releases(MemoryFamily.Page, FixedOrder = 0, AcceptsNull = false)]
    public static void __free_page([Freed] page page) => Machine.Current.Memory.Frames.FreePage(page, 0, nameof(__free_page));

    /// <summary>The direct-map address of a lowmem page (NULL for an unmapped highmem page).</summary>
    public static KPtr page_address([DerivedFrom] page page) => new(Machine.Current.Memory.Frames.PageAddress(page));

    /// <summary>Maps a page (highmem too) into the kernel's address space.</summary>
    [MightSleep]
    public static KPtr kmap([DerivedFrom] page page)
    {
        var m = Machine.Current;
        m.MightSleep(nameof(kmap));
        return new(m.Memory.Frames.Map(page));
    }

    /// <summary>Ends a mapping made by <see cref="kmap"/>.</summary>
    public static void kunmap(page page) => Machine.Current.Memory.Frames.Unmap(page, nameof(kunmap));

    /// <summary>The page descriptor of a direct-map address.</summary>
    public static page virt_to_page([DerivedFrom] KPtr addr)
    {
        var frames = Machine.Current.Memory.Frames;
        return frames.PageOf(frames.DirectMapPfn(addr.Value, nameof(virt_to_page)));
    }

    /// <summary>The physical address of a direct-map address.</summary>
    public static ulong virt_to_phys(KPtr addr)
    {
        long pfn = Machine.Current.Memory.Frames.DirectMapPfn(addr.Value, nameof(virt_to_phys));
        return AddressLayout.PfnToPhys(pfn) | (addr.Value & (PAGE_SIZE - 1));
    }

    /// <summary>The physical address of a page frame.</summary>
    public static ulong page_to_phys(page page) => AddressLayout.PfnToPhys(page.Pfn);

    /// <summary>The smallest order whose pages hold <paramref name="size"/> bytes.</summary>
    [PageOrderOf]
    public static int get_order(long size)
    {
        int order = 0;
        for (long pages = (size - 1) >> PAGE_SHIFT; pages > 0; pages >>= 1)
            order++;
        return order;
    }

    /// <summary>The page frame number of a page.</summary>
    public static ulong page_to_pfn(page page) => (ulong)page.Pfn;

    /// <summary>Whether a page lies in ZONE_HIGHMEM, and so has no permanent kernel address.</summary>
    public static bool PageHighMem(page page) => !Machine.Current.Memory.Layout.IsLowmem(page.Pfn);

    /// <summary>The page frame number of a direct-map address.</summary>
    public static ulong virt_to_pfn(KPtr addr) => (ulong)Machine.Current.Memory.Frames.DirectMapPfn(addr.Value, nameof(virt_to_pfn));
}
