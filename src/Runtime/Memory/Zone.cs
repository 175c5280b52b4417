namespace Kmem;

/// <summary>The memory zones, in the kernel's order.</summary>
internal enum ZoneKind
{
    Dma = 0,
    Normal = 1,
    HighMem = 2,
}

/// <summary>A range of page frames with its own buddy allocator; its lock guards the allocator.</summary>
internal sealed class Zone
{
    /// <summary>ZONE_DMA ends at 16 MiB.</summary>
    public const long DmaLimitPages = (16L << 20) >> AddressLayout.PageShift;

    public Zone(ZoneKind kind, long startPfn, long pageCount)
    {
        Kind = kind;
        StartPfn = startPfn;
        PageCount = pageCount;
        Buddy = new BuddyAllocator(startPfn, pageCount);
    }

    public ZoneKind Kind { get; }
    public long StartPfn { get; }
    public long PageCount { get; }
    public BuddyAllocator Buddy { get; }

    /// <summary>The zone's name as /proc/buddyinfo prints it.</summary>
    public string Name => Kind switch
    {
        ZoneKind.Dma => "DMA",
        ZoneKind.Normal => "Normal",
        _ => "HighMem",
    };

    public bool Contains(long pfn) => pfn >= StartPfn && pfn < StartPfn + PageCount;
}
