using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Allocates 2^<paramref name="order"/> contiguous lowmem pages and returns their address; 0 on failure.</summary>
    [Allocates(MemoryFamily.PageAddress)]
    public static ulong __get_free_pages([Gfp] gfp_t gfp_mask, [Order] int order) => throw new NotImplementedException();

    /// <summary>Allocates one page and returns its address; 0 on failure.</summary>
    [Allocates(MemoryFamily.PageAddress, FixedOrder = 0)]
    public static ulong __get_free_page([Gfp] gfp_t gfp_mask) => throw new NotImplementedException();

    /// <summary>Allocates one zeroed page and returns its address; 0 on failure.</summary>
    [Allocates(MemoryFamily.PageAddress, FixedOrder = 0, Zeroes = true)]
    public static ulong get_zeroed_page([Gfp] gfp_t gfp_mask) => throw new NotImplementedException();

    /// <summary>Releases 2^<paramref name="order"/> pages at <paramref name="addr"/>; 0 is a no-op.</summary>
    [Releases(MemoryFamily.PageAddress)]
    public static void free_pages([Freed] ulong addr, [Order] int order) => throw new NotImplementedException();

    /// <summary>Releases one page at <paramref name="addr"/>; 0 is a no-op.</summary>
    [Releases(MemoryFamily.PageAddress, FixedOrder = 0)]
    public static void free_page([Freed] ulong addr) => throw new NotImplementedException();

    /// <summary>Allocates 2^<paramref name="order"/> contiguous pages; null on failure.</summary>
    [Allocates(MemoryFamily.Page)]
    public static page? alloc_pages([Gfp] gfp_t gfp_mask, [Order] int order) => throw new NotImplementedException();

    /// <summary>Allocates one page; null on failure.</summary>
    [Allocates(MemoryFamily.Page, FixedOrder = 0)]
    public static page? alloc_page([Gfp] gfp_t gfp_mask) => throw new NotImplementedException();

    /// <summary>Releases 2^<paramref name="order"/> pages starting at <paramref name="page"/>.</summary>
    [Releases(MemoryFamily.Page, AcceptsNull = false)]
    public static void __free_pages([Freed] page page, [Order] int order) => throw new NotImplementedException();

    /// <summary>Releases one page.</summary>
    [Releases(MemoryFamily.Page, FixedOrder = 0, AcceptsNull = false)]
    public static void __free_page([Freed] page page) => throw new NotImplementedException();

    /// <summary>The direct-map address of a lowmem page (NULL for an unmapped highmem page).</summary>
    public static KPtr page_address([DerivedFrom] page page) => throw new NotImplementedException();

    /// <summary>Maps a page (highmem too) into the kernel's address space.</summary>
    [MightSleep]
    public static KPtr kmap([DerivedFrom] page page) => throw new NotImplementedException();

    /// <summary>Ends a mapping made by <see cref="kmap"/>.</summary>
    public static void kunmap(page page) => throw new NotImplementedException();

    /// <summary>The page descriptor of a direct-map address.</summary>
    public static page virt_to_page([DerivedFrom] KPtr addr) => throw new NotImplementedException();

    /// <summary>The physical address of a direct-map address.</summary>
    public static ulong virt_to_phys(KPtr addr) => throw new NotImplementedException();

    /// <summary>The physical address of a page frame.</summary>
    public static ulong page_to_phys(page page) => throw new NotImplementedException();

    /// <summary>The smallest order whose pages hold <paramref name="size"/> bytes.</summary>
    [PageOrderOf]
    public static int get_order(long size) => throw new NotImplementedException();
}
