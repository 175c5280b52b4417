using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Allocates <paramref name="size"/> bytes from the kmalloc caches (or the page allocator above <see cref="KMALLOC_MAX_CACHE_SIZE"/>). NULL on failure.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE, ZeroingVariant = nameof(kzalloc), ArrayVariant = nameof(kmalloc_array), LargeVariant = nameof(kvmalloc))]
    public static KPtr kmalloc([AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>As <see cref="kmalloc"/>, zeroed.</summary>
    [Allocates(MemoryFamily.Kmalloc, Zeroes = true, MaxSize = KMALLOC_MAX_SIZE, ArrayVariant = nameof(kcalloc), LargeVariant = nameof(kvzalloc))]
    public static KPtr kzalloc([AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Allocates a zeroed array of <paramref name="n"/> elements of <paramref name="size"/> bytes; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kmalloc, Zeroes = true, MaxSize = KMALLOC_MAX_SIZE, LargeVariant = nameof(kvcalloc))]
    public static KPtr kcalloc([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Allocates an array of <paramref name="n"/> elements of <paramref name="size"/> bytes; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE, ZeroingVariant = nameof(kcalloc), LargeVariant = nameof(kvmalloc_array))]
    public static KPtr kmalloc_array([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Resizes <paramref name="p"/> (NULL allocates). On success the old memory is gone; on failure it is untouched and NULL is returned.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE)]
    public static KPtr krealloc([Reallocated] KPtr p, [AllocSize] long newSize, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Duplicates <paramref name="len"/> bytes at <paramref name="src"/> into new kmalloc memory.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE)]
    public static KPtr kmemdup([Dereferences] KPtr src, [AllocSize] long len, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Duplicates a string, NUL-terminated, into new kmalloc memory.</summary>
    [Allocates(MemoryFamily.Kmalloc)]
    public static KPtr kstrdup(string s, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Releases kmalloc memory; NULL is a no-op.</summary>
    [Releases(MemoryFamily.Kmalloc)]
    public static void kfree([Freed] KPtr p) => throw new NotImplementedException();

    /// <summary>The usable size of a kmalloc object (its size class).</summary>
    public static long ksize([Dereferences] KPtr p) => throw new NotImplementedException();
}
