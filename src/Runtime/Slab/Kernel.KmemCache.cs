using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Creates a slab cache of objects of <paramref name="size"/> bytes; null on failure.</summary>
    [Allocates(MemoryFamily.SlabCache)]
    [MightSleep]
    public static kmem_cache? kmem_cache_create(string name, long size, long align, slab_flags_t flags, Action<KPtr>? ctor) => throw new NotImplementedException();

    /// <summary>Allocates an object from <paramref name="cache"/>; NULL on failure.</summary>
    [Allocates(MemoryFamily.SlabObject, ZeroingVariant = nameof(kmem_cache_zalloc))]
    public static KPtr kmem_cache_alloc([SlabCache] kmem_cache cache, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Allocates a zeroed object from <paramref name="cache"/>; NULL on failure.</summary>
    [Allocates(MemoryFamily.SlabObject, Zeroes = true)]
    public static KPtr kmem_cache_zalloc([SlabCache] kmem_cache cache, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Returns an object to the cache it came from.</summary>
    [Releases(MemoryFamily.SlabObject)]
    public static void kmem_cache_free([SlabCache] kmem_cache cache, [Freed] KPtr obj) => throw new NotImplementedException();

    /// <summary>Destroys a cache; every object must have been freed. null is a no-op.</summary>
    [Releases(MemoryFamily.SlabCache)]
    [MightSleep]
    public static void kmem_cache_destroy([Freed] kmem_cache? cache) => throw new NotImplementedException();
}
