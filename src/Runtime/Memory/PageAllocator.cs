using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Kmem;

/// <summary>
/// Hands out blocks of page frames from the zones the GFP mask allows, falling back from zone to zone
/// as the kernel does. An allocation that may reclaim waits (bounded) for memory to be freed; one that
/// may not fails at once with the kernel's allocation failure warning.
/// </summary>
internal sealed class PageAllocator
{
    /// <summary>Above this order the kernel does not invoke the OOM killer; the allocation just fails.</summary>
    private const int CostlyOrder = 3;
    private static readonly TimeSpan NoFailRetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly Zone?[] zonesByKind = new Zone?[3];
    private readonly PhysicalMemory physical;
    private readonly MemoryLog log;
    private readonly MemoryBugs bugs;
    private readonly ShadowMemory? shadow;
    private readonly TimeSpan reclaimTimeout;

    public PageAllocator(AddressLayout layout, PhysicalMemory physical, MemoryLog log, MemoryBugs bugs, ShadowMemory? shadow, TimeSpan reclaimTimeout)
    {
        this.physical = physical;
        this.log = log;
        this.bugs = bugs;
        this.shadow = shadow;
        this.reclaimTimeout = reclaimTimeout;
        long dmaPages = Math.Min(layout.TotalPages, Zone.DmaLimitPages);
        long normalPages = Math.Max(0, layout.LowmemPages - dmaPages);
        long highPages = layout.TotalPages - layout.LowmemPages;
        AddZone(ZoneKind.Dma, 0, dmaPages);
        AddZone(ZoneKind.Normal, dmaPages, normalPages);
        AddZone(ZoneKind.HighMem, layout.LowmemPages, highPages);
        var zones = new List<Zone>();
        foreach (var zone in zonesByKind)
        {
            if (zone != null)
                zones.Add(zone);
        }
        Zones = zones;
    }

    /// <summary>The populated zones, lowest first.</summary>
    public IReadOnlyList<Zone> Zones { get; }

    public ReclaimWait Reclaim { get; } = new();

    /// <summary>Allocates 2^<paramref name="order"/> contiguous frames; returns the first frame number, or -1.</summary>
    public long Allocate(gfp_t gfp, int order, string caller)
    {
        if ((uint)order > Kernel.MAX_PAGE_ORDER)
        {
            if ((gfp & gfp_t.__GFP_NOWARN) == 0)
                bugs.Warn("KMEM010", $"WARNING: CPU: 0 PID: {CurrentTask.Pid} at mm/page_alloc.c:4765 __alloc_pages_noprof\n" +
                          $"{caller}: order:{(uint)order} > MAX_PAGE_ORDER ({Kernel.MAX_PAGE_ORDER})");
            return -1;
        }
        var zones = ZonesFor(gfp);
        bool mayReclaim = (gfp & gfp_t.__GFP_DIRECT_RECLAIM) != 0 && (gfp & gfp_t.__GFP_NORETRY) == 0;
        bool noFail = (gfp & gfp_t.__GFP_NOFAIL) != 0;
        long deadline = Stopwatch.GetTimestamp() + (long)(reclaimTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            long seen = Reclaim.Generation;
            long pfn = TryZones(zones, order);
            if (pfn >= 0)
            {
                if ((gfp & gfp_t.__GFP_ZERO) != 0)
                    Zero(pfn, order);
                shadow?.SetPages(pfn, 1L << order, ShadowCode.Accessible);
                return pfn;
            }
            if (noFail)
            {
                Reclaim.WaitForFree(seen, NoFailRetryInterval);
                continue;
            }
            var remaining = TimeSpan.FromSeconds((deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            if (!mayReclaim || remaining <= TimeSpan.Zero)
                break;
            Reclaim.WaitForFree(seen, remaining);
        }
        ReportFailure(gfp, order, mayReclaim);
        return -1;
    }

    /// <summary>Returns a block; its frames' contents are dropped.</summary>
    public void Free(long pfn, int order)
    {
        var zone = ZoneOf(pfn);
        Zero(pfn, order);
        shadow?.SetPages(pfn, 1L << order, ShadowCode.PageFree);
        lock (zone)
            zone.Buddy.Free(pfn, order);
        Reclaim.NotifyFreed();
    }

    public long FreePages
    {
        get
        {
            long total = 0;
            foreach (var zone in Zones)
            {
                lock (zone)
                    total += zone.Buddy.FreePages;
            }
            return total;
        }
    }

    public long[] FreeBlocksPerOrder(Zone zone)
    {
        lock (zone)
            return zone.Buddy.FreeBlocksPerOrder();
    }

    public Zone ZoneOf(long pfn)
    {
        foreach (var zone in Zones)
        {
            if (zone.Contains(pfn))
                return zone;
        }
        throw new ArgumentOutOfRangeException(nameof(pfn), pfn, "no zone holds this page frame");
    }

    private void AddZone(ZoneKind kind, long startPfn, long pageCount)
    {
        if (pageCount > 0)
            zonesByKind[(int)kind] = new Zone(kind, startPfn, pageCount);
    }

    private List<Zone> ZonesFor(gfp_t gfp)
    {
        var order = (gfp & gfp_t.__GFP_DMA) != 0 ? new[] { ZoneKind.Dma }
            : (gfp & gfp_t.__GFP_HIGHMEM) != 0 ? new[] { ZoneKind.HighMem, ZoneKind.Normal, ZoneKind.Dma }
            : new[] { ZoneKind.Normal, ZoneKind.Dma };
        var zones = new List<Zone>(order.Length);
        foreach (var kind in order)
        {
            var zone = zonesByKind[(int)kind];
            if (zone != null)
                zones.Add(zone);
        }
        return zones;
    }

    private static long TryZones(List<Zone> zones, int order)
    {
        foreach (var zone in zones)
        {
            lock (zone)
            {
                long pfn = zone.Buddy.Allocate(order);
                if (pfn >= 0)
                    return pfn;
            }
        }
        return -1;
    }

    private void Zero(long pfn, int order)
    {
        for (long i = 0; i < 1L << order; i++)
            physical.Discard(pfn + i);
    }

    private void ReportFailure(gfp_t gfp, int order, bool mayReclaim)
    {
        bool oomKiller = mayReclaim && order <= CostlyOrder && (gfp & gfp_t.__GFP_RETRY_MAYFAIL) == 0;
        if (oomKiller)
        {
            log.Warn($"{CurrentTask.Comm} invoked oom-killer: gfp_mask={GfpNames.Mode(gfp)}, order={order}, oom_score_adj=0");
            log.Error("Out of memory and no killable processes...");
        }
        else if ((gfp & gfp_t.__GFP_NOWARN) == 0)
        {
            log.Warn($"{CurrentTask.Comm}: page allocation failure: order:{order}, mode:{GfpNames.Mode(gfp)}, nodemask=(null)");
        }
    }
}
