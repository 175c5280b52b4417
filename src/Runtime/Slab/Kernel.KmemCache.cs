using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Creates a slab cache of objects of <paramref name="size"/> bytes; null on failure.</summary>
    [Allocates(MemoryFamily.SlabCache)]
    [MightSleep]
    public static kmem_cache? kmem_cache_create(string name, long size, long align, slab_flags_t flags, Action<KPtr>? ctor)
    {
        var m = Machine.Current;
        m.MightSleep(nameof(kmem_cache_create));
        return m.Memory.SlabCaches.Create(name, size, align, flags, ctor, nameof(kmem_cache_create));
    }

    /// <summary>Allocates an object from <paramref name="cache"/>; NULL on failure.</summary>
    [Allocates(MemoryFamily.SlabObject, ZeroingVariant = nameof(kmem_cache_zalloc))]
    public static KPtr kmem_cache_alloc([SlabCache] kmem_cache cache, [Gfp] gfp_t flags) => CacheAlloc(cache, flags, nameof(kmem_cache_alloc));

    /// <summary>Allocates a zeroed object from <paramref name="cache"/>; NULL on failure.</summary>
    [Allocates(MemoryFamily.SlabObject, Zeroes = true)]
    public static KPtr kmem_cache_zalloc([SlabCache] kmem_cache cache, [Gfp] gfp_t flags) => CacheAlloc(cache, flags | __GFP_ZERO, nameof(kmem_cache_zalloc));

    /// <summary>Returns an object to the cache it came from.</summary>
    [Releases(MemoryFamily.SlabObject)]
    public static void kmem_cache_free([SlabCache] kmem_cache cache, [Freed] KPtr obj)
    {
        var memory = Machine.Current.Memory;
        if (!obj)
            return;
        CheckCache(memory, cache, nameof(kmem_cache_free));
        var slab = memory.Layout.IsDirectMap(obj.Value) ? memory.Owners[AddressLayout.DirectMapPfn(obj.Value)] as Slab : null;
        if (slab == null)
        {
            memory.Bugs.InvalidFree(nameof(kmem_cache_free), obj.Value, "not an object of a slab cache", ruleId: "KMEM003");
            return;
        }
        if (slab.Cache != cache.Cache)
            memory.Bugs.Warn("KMEM003", $"cache_from_obj: Wrong slab cache. {cache.Cache.Name} but object is from {slab.Cache.Name}", obj.Value);
        var result = slab.Cache.Free(slab, obj.Value, MemoryFamily.SlabObject | MemoryFamily.Kmalloc, memory.Debug.FreeStack());
        if (result != SlabFreeResult.Freed)
            memory.Bugs.InvalidFree(nameof(kmem_cache_free), obj.Value, $"{result} in {slab.Cache.Name}", result.ReportKind(), result.RuleId(), memory.Access.FindObject(obj.Value));
    }

    /// <summary>Destroys a cache; every object must have been freed. null is a no-op.</summary>
    [Releases(MemoryFamily.SlabCache)]
    [MightSleep]
    public static void kmem_cache_destroy([Freed] kmem_cache? cache)
    {
        var m = Machine.Current;
        m.MightSleep(nameof(kmem_cache_destroy));
        if (cache != null)
            m.Memory.SlabCaches.Destroy(cache, nameof(kmem_cache_destroy));
    }

    /// <summary>The object size of a cache, as given to <see cref="kmem_cache_create"/>.</summary>
    public static long kmem_cache_size(kmem_cache cache)
    {
        CheckCache(Machine.Current.Memory, cache, nameof(kmem_cache_size));
        return cache.Cache.ObjectSize;
    }

    private static KPtr CacheAlloc(kmem_cache cache, gfp_t flags, string function)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, function);
        CheckCache(m.Memory, cache, function);
        if (m.Memory.Debug.ChecksGfp && (flags & __GFP_HIGHMEM) != 0)
            m.Memory.Bugs.UnexpectedGfp(flags, __GFP_HIGHMEM);
        return new(cache.Cache.Allocate(flags, MemoryFamily.SlabObject, cache.Cache.ObjectSize, function)?.Start ?? 0);
    }

    /// <summary>Using a destroyed (or never created) cache is a use-after-free of its descriptor.</summary>
    private static void CheckCache(MemorySystem memory, kmem_cache cache, string function)
    {
        if (!SlabCaches.IsLive(cache))
            throw memory.Bugs.Kasan("slab-use-after-free", function, cache.Descriptor?.Start ?? 0, KPtr.SizeInMemory, write: false);
    }
}
