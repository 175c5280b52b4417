namespace Kmem;

/// <summary>
/// The 32-bit 3G/1G address layout: lowmem directly mapped at PAGE_OFFSET, then an 8 MiB hole, the
/// vmalloc area, and the kmap window at the top. Highmem pages have no permanent virtual address.
/// </summary>
internal sealed class AddressLayout
{
    public const long PageSize = Kernel.PAGE_SIZE;
    public const int PageShift = Kernel.PAGE_SHIFT;
    public const long MaxLowmemBytes = 896L << 20;

    public AddressLayout(long ramBytes)
    {
        TotalPages = ramBytes >> PageShift;
        LowmemPages = System.Math.Min(TotalPages, MaxLowmemBytes >> PageShift);
    }

    public long TotalPages { get; }

    /// <summary>Pages below 896 MiB: those the direct map reaches.</summary>
    public long LowmemPages { get; }

    public ulong DirectMapEnd => Kernel.PAGE_OFFSET + ((ulong)LowmemPages << PageShift);

    public bool IsDirectMap(ulong address) => address >= Kernel.PAGE_OFFSET && address < DirectMapEnd;

    public static bool IsVmalloc(ulong address) => address >= Kernel.VMALLOC_START && address < Kernel.VMALLOC_END;

    public static bool IsKmap(ulong address) => address >= Kernel.PKMAP_BASE && address < Kernel.PKMAP_BASE + ((ulong)Kernel.LAST_PKMAP << PageShift);

    public bool IsLowmem(long pfn) => pfn < LowmemPages;

    public static ulong PfnToPhys(long pfn) => (ulong)pfn << PageShift;

    public static ulong PfnToVirt(long pfn) => Kernel.PAGE_OFFSET + PfnToPhys(pfn);

    public static long DirectMapPfn(ulong address) => (long)((address - Kernel.PAGE_OFFSET) >> PageShift);

    public static ulong PageStart(ulong address) => address & ~(ulong)(PageSize - 1);
}
