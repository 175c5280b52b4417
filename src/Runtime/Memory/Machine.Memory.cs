using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Kmem;

public sealed partial class Machine
{
    /// <summary>The machine's memory subsystem.</summary>
    internal MemorySystem Memory { get; private set; } = null!;

    /// <summary>The number of page frames of RAM.</summary>
    public long TotalPages => Memory.Layout.TotalPages;

    /// <summary>The number of page frames free in the buddy allocator now.</summary>
    public long FreePages => Memory.Pages.FreePages;

    /// <summary>The free blocks of each populated zone, by order.</summary>
    public IReadOnlyList<ZoneFreeArea> ZoneFreeAreas() =>
        Memory.Pages.Zones.Select(zone =>
        {
            var blocks = Memory.Pages.FreeBlocksPerOrder(zone);
            long freePages = blocks.Select((count, order) => count << order).Sum();
            return new ZoneFreeArea(zone.Name, blocks, freePages, zone.PageCount);
        }).ToArray();

    /// <summary>The free blocks of each zone by order, in the format of <c>/proc/buddyinfo</c>.</summary>
    public string BuddyInfo()
    {
        var text = new StringBuilder();
        foreach (var zone in ZoneFreeAreas())
        {
            text.Append("Node 0, zone ").Append(zone.Zone.PadLeft(8)).Append(' ');
            foreach (var count in zone.FreeBlocks)
                text.Append(count.ToString().PadLeft(6)).Append(' ');
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The state of every slab cache, newest first.</summary>
    public IReadOnlyList<SlabCacheInfo> SlabCaches() => Memory.SlabCaches.All().Select(cache => cache.Info()).ToArray();

    /// <summary>The state of every slab cache, in the format of <c>/proc/slabinfo</c> (version 2.1).</summary>
    public string SlabInfo()
    {
        var text = new StringBuilder();
        text.Append("slabinfo - version: 2.1\n");
        text.Append("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
        foreach (var cache in SlabCaches())
        {
            text.Append(cache.Name.PadRight(17)).Append(' ')
                .Append(cache.ActiveObjects.ToString().PadLeft(6)).Append(' ')
                .Append(cache.TotalObjects.ToString().PadLeft(6)).Append(' ')
                .Append(cache.ObjectSize.ToString().PadLeft(6)).Append(' ')
                .Append(cache.ObjectsPerSlab.ToString().PadLeft(4)).Append(' ')
                .Append(cache.PagesPerSlab.ToString().PadLeft(4))
                .Append(" : tunables    0    0    0 : slabdata ")
                .Append(cache.ActiveSlabs.ToString().PadLeft(6)).Append(' ')
                .Append(cache.TotalSlabs.ToString().PadLeft(6)).Append(' ')
                .Append("0".PadLeft(6)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reports a possible sleep when <paramref name="gfp"/> allows direct reclaim.</summary>
    internal void MightSleepIf(gfp_t gfp, string function)
    {
        if ((gfp & gfp_t.__GFP_DIRECT_RECLAIM) != 0)
            MightSleep(function);
    }

    partial void InitMemory() => Memory = new MemorySystem(Options, AddReport);

    partial void CollectLiveAllocations(List<LiveAllocation> into) => Memory.CollectLive(into);
}
