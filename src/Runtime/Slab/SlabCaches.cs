using System;
using System.Collections.Generic;

namespace Kmem;

/// <summary>
/// Every slab cache of the machine, newest first as /proc/slabinfo lists them, and the named-cache
/// API behind kmem_cache_create/destroy. Each named cache's descriptor is itself an object of the
/// "kmem_cache" cache, so an undestroyed cache shows up as a live allocation.
/// </summary>
internal sealed class SlabCaches
{
    private const long DescriptorSize = 256;

    private readonly List<SlabCache> caches = new();
    private readonly PageAllocator pages;
    private readonly PageOwners owners;
    private readonly PhysicalMemory physical;
    private readonly MemoryLog log;
    private readonly MemoryBugs bugs;
    private readonly MemoryDebug debug;
    private readonly SlabCache descriptors;

    public SlabCaches(PageAllocator pages, PageOwners owners, PhysicalMemory physical, MemoryLog log, MemoryBugs bugs, MemoryDebug debug)
    {
        this.debug = debug;
        this.pages = pages;
        this.owners = owners;
        this.physical = physical;
        this.log = log;
        this.bugs = bugs;
        descriptors = Add("kmem_cache", DescriptorSize, 0, slab_flags_t.SLAB_HWCACHE_ALIGN, null);
    }

    /// <summary>Makes a cache the runtime itself uses (the kmalloc caches).</summary>
    public SlabCache Add(string name, long objectSize, long align, slab_flags_t flags, Action<KPtr>? ctor)
    {
        var cache = new SlabCache(name, objectSize, align, flags, ctor, pages, owners, physical, log, debug);
        lock (caches)
            caches.Insert(0, cache);
        return cache;
    }

    public IReadOnlyList<SlabCache> All()
    {
        lock (caches)
            return caches.ToArray();
    }

    public kmem_cache? Create(string name, long size, long align, slab_flags_t flags, Action<KPtr>? ctor, string caller)
    {
        if (string.IsNullOrEmpty(name) || !SlabCache.IsValidLayout(size, align))
        {
            const int error = -Kernel.EINVAL;
            if ((flags & slab_flags_t.SLAB_PANIC) != 0)
                throw bugs.Oops($"Kernel panic - not syncing: {caller}: Failed to create slab '{name}'. Error {error}", 0);
            log.Warn($"{caller}({name}) failed with error {error}");
            return null;
        }
        var descriptor = descriptors.Allocate(gfp_t.GFP_KERNEL, MemoryFamily.SlabCache, DescriptorSize, caller);
        if (descriptor == null)
        {
            log.Warn($"{caller}({name}) failed with error {-Kernel.ENOMEM}");
            return null;
        }
        return new kmem_cache { Cache = Add(name, size, align, flags, ctor), Descriptor = descriptor };
    }

    public void Destroy(kmem_cache cache, string caller)
    {
        if (!IsLive(cache))
        {
            bugs.InvalidFree(caller, cache.Descriptor?.Start ?? 0, "not a live kmem_cache");
            return;
        }
        if (debug.Quarantine is { } quarantine)
        {
            foreach (var item in quarantine.RemoveAll(cache.Cache))
                cache.Cache.Release(item);
        }
        if (!cache.Cache.TryDestroy())
        {
            log.Warn($"WARNING: CPU: 0 PID: {CurrentTask.Pid} at mm/slab_common.c:528 {caller}\n" +
                     $"{caller} {cache.Cache.Name}: Slab cache still has objects when called from {CallSite.OutsideRuntime()}");
            return;
        }
        lock (caches)
            caches.Remove(cache.Cache);
        var slab = (Slab)owners[AddressLayout.DirectMapPfn(cache.Descriptor.Start)]!;
        descriptors.Free(slab, cache.Descriptor.Start, MemoryFamily.SlabCache, debug.FreeStack());
    }

    /// <summary>Whether a handle names a cache that exists; a destroyed one is a use-after-free.</summary>
    public static bool IsLive(kmem_cache cache) => cache.Cache != null && cache.Descriptor != null && cache.Descriptor.IsLive;
}
