using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Kmem;

/// <summary>What a free to a slab cache found.</summary>
internal enum SlabFreeResult
{
    Freed,
    AlreadyFree,
    NotAnObject,
    WrongFamily,
}

/// <summary>How a failed slab free is reported.</summary>
internal static class SlabFreeResults
{
    public static KernelReportKind ReportKind(this SlabFreeResult result) =>
        result == SlabFreeResult.AlreadyFree ? KernelReportKind.DoubleFree : KernelReportKind.InvalidFree;

    /// <summary>The rule that predicts the mistake: a double free (KMEM007) or a release by the wrong family (KMEM003).</summary>
    public static string? RuleId(this SlabFreeResult result) => result switch
    {
        SlabFreeResult.AlreadyFree => "KMEM007",
        SlabFreeResult.WrongFamily => "KMEM003",
        _ => null,
    };
}

/// <summary>
/// A cache of equal-sized objects carved out of slabs (kmalloc-64, or one made by kmem_cache_create).
/// Slabs with free slots sit on a partial list; a slab that becomes empty goes back to the page
/// allocator at once. The constructor runs the first time a slot of a new slab is handed out. With
/// KASAN each slot carries a redzone after the object, and a freed object waits in quarantine before
/// its slot is free again.
/// </summary>
internal sealed class SlabCache
{
    private const long MinAlign = 8;
    private const long CacheLineSize = 64;

    private readonly object sync = new();
    private readonly LinkedList<Slab> partial = new();
    private readonly HashSet<Slab> slabs = new();
    private readonly PageAllocator pages;
    private readonly PageOwners owners;
    private readonly PhysicalMemory physical;
    private readonly MemoryLog log;
    private readonly MemoryDebug debug;
    private long activeObjects;
    private bool destroyed;

    public SlabCache(string name, long objectSize, long align, slab_flags_t flags, Action<KPtr>? ctor,
                     PageAllocator pages, PageOwners owners, PhysicalMemory physical, MemoryLog log, MemoryDebug debug)
    {
        this.debug = debug;
        Name = name;
        ObjectSize = objectSize;
        Flags = flags;
        Ctor = ctor;
        SlotSize = SlotSizeFor(objectSize + debug.RedzoneFor(objectSize), align, flags);
        Order = SlabOrder(SlotSize);
        ObjectsPerSlab = (int)((AddressLayout.PageSize << Order) / SlotSize);
        this.pages = pages;
        this.owners = owners;
        this.physical = physical;
        this.log = log;
    }

    public string Name { get; }

    /// <summary>The object size asked for at creation (for kmalloc caches, the size class).</summary>
    public long ObjectSize { get; }

    /// <summary>The distance between objects: the object size (and KASAN's redzone) rounded up to the alignment.</summary>
    public long SlotSize { get; }

    public int Order { get; }
    public int ObjectsPerSlab { get; }
    public slab_flags_t Flags { get; }
    public Action<KPtr>? Ctor { get; }

    /// <summary>Whether a cache of this object size and alignment can exist.</summary>
    public static bool IsValidLayout(long objectSize, long align) =>
        objectSize > 0 && objectSize <= Kernel.KMALLOC_MAX_SIZE && align >= 0 && (align & (align - 1)) == 0 && align <= AddressLayout.PageSize;

    /// <summary>Takes a free object (making a new slab if none is free); null when no memory is left.</summary>
    public Allocation? Allocate(gfp_t gfp, MemoryFamily family, long size, string caller)
    {
        Allocation? allocation = null;
        bool construct = false;
        var stack = debug.AllocationStack();
        lock (sync)
        {
            if (partial.First is { } first)
                allocation = Take(first.Value, family, size, caller, stack, out construct);
        }
        if (allocation == null)
        {
            var slab = NewSlab(gfp, caller);
            if (slab == null)
                return null;
            // Take the first object from the new slab itself, so that no slab ever sits empty.
            lock (sync)
            {
                slabs.Add(slab);
                partial.AddLast(slab.PartialNode);
                allocation = Take(slab, family, size, caller, stack, out construct);
            }
        }
        if (construct)
            Ctor!(new KPtr(allocation.Start));
        if ((gfp & gfp_t.__GFP_ZERO) != 0)
            Fill(allocation.Start, SlotSize, 0);
        return allocation;
    }

    /// <summary>
    /// Frees the object at <paramref name="address"/> of <paramref name="slab"/> if it is live and of an
    /// accepted family. With KASAN it goes to quarantine (its allocation kept, released, for reports),
    /// and whatever the quarantine evicts is released now.
    /// </summary>
    public SlabFreeResult Free(Slab slab, ulong address, MemoryFamily accepted, StackTrace? freedAt)
    {
        Slab? emptied = null;
        int slot;
        lock (sync)
        {
            slot = slab.SlotOf(address);
            if (slot < 0 || slab.SlotAddress(slot) != address || !slab.IsLive)
                return SlabFreeResult.NotAnObject;
            var allocation = slab.Objects[slot];
            if (allocation == null || !allocation.IsLive)
                return SlabFreeResult.AlreadyFree;
            if ((allocation.Family & accepted) == 0)
                return SlabFreeResult.WrongFamily;
            allocation.TryRelease(freedAt);
            activeObjects--;
            if (debug.PoisonsFreedObjects && Ctor is null) // as SLUB: a constructed object keeps its state across free
                Fill(address, ObjectSize, MemoryDebug.PoisonFree);
            debug.Poison(address, SlotSize, ShadowCode.SlabFree);
            if (debug.Quarantine is null)
                emptied = ReleaseSlot(slab, slot);
        }
        if (debug.Quarantine is { } quarantine)
        {
            foreach (var evicted in quarantine.Put(new QuarantinedObject(slab, slot)))
                evicted.Slab.Cache.Release(evicted);
        }
        else if (emptied != null)
        {
            ReturnPages(emptied);
        }
        return SlabFreeResult.Freed;
    }

    /// <summary>Frees the slot of an object that leaves quarantine.</summary>
    public void Release(QuarantinedObject item)
    {
        Slab? emptied;
        lock (sync)
            emptied = ReleaseSlot(item.Slab, item.Slot);
        if (emptied != null)
            ReturnPages(emptied);
    }

    /// <summary>Marks the cache destroyed if it holds no objects; false (and nothing changes) otherwise.</summary>
    public bool TryDestroy()
    {
        lock (sync)
        {
            if (activeObjects > 0)
                return false;
            destroyed = true;
            return true;
        }
    }

    public bool IsDestroyed
    {
        get { lock (sync) return destroyed; }
    }

    public void CollectLive(List<Allocation> into)
    {
        lock (sync)
        {
            foreach (var slab in slabs)
            {
                foreach (var allocation in slab.Objects)
                {
                    if (allocation is { IsLive: true })
                        into.Add(allocation);
                }
            }
        }
    }

    public SlabCacheInfo Info()
    {
        lock (sync)
            return new SlabCacheInfo(Name, activeObjects, (long)slabs.Count * ObjectsPerSlab, SlotSize, ObjectsPerSlab, 1 << Order, slabs.Count, slabs.Count);
    }

    /// <summary>Empties a slot (under the lock); returns the slab when it became empty and must go back to the page allocator.</summary>
    private Slab? ReleaseSlot(Slab slab, int slot)
    {
        slab.Objects[slot] = null;
        bool wasFull = slab.FreeSlots.Count == 0;
        slab.FreeSlots.Push(slot);
        if (slab.FreeSlots.Count == ObjectsPerSlab)
        {
            if (!wasFull)
                partial.Remove(slab.PartialNode);
            slabs.Remove(slab);
            slab.MarkReleased();
            return slab;
        }
        if (wasFull)
            partial.AddLast(slab.PartialNode);
        return null;
    }

    private void ReturnPages(Slab slab)
    {
        owners.Clear(slab.HeadPfn, 1L << Order);
        pages.Free(slab.HeadPfn, Order);
    }

    private Allocation Take(Slab slab, MemoryFamily family, long size, string caller, StackTrace? stack, out bool construct)
    {
        int slot = slab.FreeSlots.Pop();
        var allocation = new Allocation(family, slab.SlotAddress(slot), size, caller, stack);
        debug.Unpoison(allocation.Start, size, SlotSize, ShadowCode.SlabRedzone);
        slab.Objects[slot] = allocation;
        construct = Ctor != null && !slab.Constructed[slot];
        slab.Constructed[slot] = true;
        if (slab.FreeSlots.Count == 0)
            partial.Remove(slab.PartialNode);
        activeObjects++;
        return allocation;
    }

    private Slab? NewSlab(gfp_t gfp, string caller)
    {
        var slabGfp = gfp & ~(gfp_t.__GFP_HIGHMEM | gfp_t.__GFP_DMA | gfp_t.__GFP_ZERO);
        if ((Flags & slab_flags_t.SLAB_CACHE_DMA) != 0)
            slabGfp |= gfp_t.__GFP_DMA;
        long pfn = pages.Allocate(slabGfp, Order, caller);
        if (pfn < 0)
        {
            if ((gfp & gfp_t.__GFP_NOWARN) == 0)
                log.Warn($"SLUB: Unable to allocate memory on node -1, gfp={GfpNames.Mode(gfp)}\n" +
                         $"  cache: {Name}, object size: {ObjectSize}, buffer size: {SlotSize}, default order: {Order}, min order: {Order}");
            return null;
        }
        var slab = new Slab(this, pfn);
        debug.Poison(slab.Start, AddressLayout.PageSize << Order, ShadowCode.SlabRedzone);
        owners.Set(pfn, 1L << Order, slab);
        return slab;
    }

    /// <summary>Fills an object in place; a slab's frames are contiguous, so its bytes are too.</summary>
    private void Fill(ulong address, long length, byte value)
    {
        long pfn = AddressLayout.DirectMapPfn(address);
        int offset = (int)(address & (AddressLayout.PageSize - 1));
        while (length > 0)
        {
            int chunk = (int)Math.Min(length, AddressLayout.PageSize - offset);
            physical.Fill(pfn, offset, chunk, value);
            length -= chunk;
            pfn++;
            offset = 0;
        }
    }

    private static long SlotSizeFor(long objectSize, long align, slab_flags_t flags)
    {
        long alignment = Math.Max(align, MinAlign);
        if ((flags & slab_flags_t.SLAB_HWCACHE_ALIGN) != 0)
        {
            long lineAlign = CacheLineSize;
            while (objectSize <= lineAlign / 2 && lineAlign > MinAlign)
                lineAlign /= 2;
            alignment = Math.Max(alignment, lineAlign);
        }
        return (objectSize + alignment - 1) / alignment * alignment;
    }

    /// <summary>Like SLUB: small objects in single pages, larger ones in slabs of up to 8 pages holding about 32 objects.</summary>
    private static int SlabOrder(long slotSize)
    {
        if (AddressLayout.PageSize / slotSize > 16)
            return 0;
        return Math.Max(Kernel.get_order(slotSize), Math.Min(3, Kernel.get_order(slotSize * 32)));
    }
}
