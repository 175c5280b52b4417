using System;
using System.Collections.Generic;

namespace Kmem;

/// <summary>The memory of one machine: frames, zones, page owners, the kmap window, vmalloc and slab, wired together.</summary>
internal sealed class MemorySystem
{
    /// <summary>The least RAM a machine can boot with: enough for the kmalloc caches to work.</summary>
    public const long MinRamBytes = 4L << 20;

    public MemorySystem(MachineOptions options, Action<KernelReport> report)
    {
        if (options.RamBytes < MinRamBytes)
            throw new ArgumentOutOfRangeException(nameof(options), options.RamBytes, $"RamBytes must be at least {MinRamBytes}");
        if (options.ReclaimTimeout < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.ReclaimTimeout, "ReclaimTimeout must not be negative");
        Layout = new AddressLayout(options.RamBytes);
        Physical = new PhysicalMemory(Layout.TotalPages);
        Owners = new PageOwners(Layout.TotalPages);
        Debug = new MemoryDebug(options.Debug, Layout.TotalPages,
            options.KasanQuarantineBytes > 0 ? options.KasanQuarantineBytes : options.RamBytes / 32);
        Bugs = new MemoryBugs(Log, options.OopsOnBadFree, Debug.Shadow is not null, report);
        Pages = new PageAllocator(Layout, Physical, Log, Bugs, Debug.Shadow, options.ReclaimTimeout);
        Kmap = new KmapWindow(options.ReclaimTimeout);
        Vmalloc = new VmallocAllocator(Layout, VmallocSpace, Pages, Owners, Log, Bugs, Debug);
        Access = new MemoryAccess(Layout, Physical, Owners, VmallocSpace, Kmap, Bugs, Debug.Shadow);
        Frames = new PageFrames(Layout, Physical, Owners, Pages, Kmap, Bugs, Debug);
        SlabCaches = new SlabCaches(Pages, Owners, Physical, Log, Bugs, Debug);
        Kmalloc = new KmallocAllocator(SlabCaches, Pages, Owners, Layout, Access, Bugs, Debug);
    }

    public MemoryLog Log { get; } = new();
    public MemoryDebug Debug { get; }
    public AddressLayout Layout { get; }
    public PhysicalMemory Physical { get; }
    public PageOwners Owners { get; }
    public MemoryBugs Bugs { get; }
    public PageAllocator Pages { get; }
    public KmapWindow Kmap { get; }
    public VmallocSpace VmallocSpace { get; } = new();
    public VmallocAllocator Vmalloc { get; }
    public MemoryAccess Access { get; }
    public PageFrames Frames { get; }
    public SlabCaches SlabCaches { get; }
    public KmallocAllocator Kmalloc { get; }

    public void CollectLive(List<LiveAllocation> into)
    {
        var live = new List<Allocation>();
        CollectLive(live);
        foreach (var allocation in live)
            into.Add(allocation.ToLiveAllocation());
    }

    /// <summary>Every live allocation of every allocator: page blocks, slab objects, vmalloc areas.</summary>
    public void CollectLive(List<Allocation> into)
    {
        foreach (var block in Owners.PageBlocks())
        {
            if (block.Allocation.IsLive)
                into.Add(block.Allocation);
        }
        foreach (var cache in SlabCaches.All())
            cache.CollectLive(into);
        foreach (var area in VmallocSpace.Areas())
        {
            if (area.IsLive)
                into.Add(area.Allocation);
        }
    }
}
