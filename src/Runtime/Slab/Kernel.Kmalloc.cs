using System;
using System.Text;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Allocates <paramref name="size"/> bytes from the kmalloc caches (or the page allocator above <see cref="KMALLOC_MAX_CACHE_SIZE"/>). NULL on failure.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE, ZeroingVariant = nameof(kzalloc), ArrayVariant = nameof(kmalloc_array), LargeVariant = nameof(kvmalloc))]
    public static KPtr kmalloc([AllocSize] long size, [Gfp] gfp_t flags)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, nameof(kmalloc));
        return new(m.Memory.Kmalloc.Allocate(size, flags, MemoryFamily.Kmalloc, nameof(kmalloc)));
    }

    /// <summary>As <see cref="kmalloc"/>, zeroed.</summary>
    [Allocates(MemoryFamily.Kmalloc, Zeroes = true, MaxSize = KMALLOC_MAX_SIZE, ArrayVariant = nameof(kcalloc), LargeVariant = nameof(kvzalloc))]
    public static KPtr kzalloc([AllocSize] long size, [Gfp] gfp_t flags)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, nameof(kzalloc));
        return new(m.Memory.Kmalloc.Allocate(size, flags | __GFP_ZERO, MemoryFamily.Kmalloc, nameof(kzalloc)));
    }

    /// <summary>Allocates a zeroed array of <paramref name="n"/> elements of <paramref name="size"/> bytes; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kmalloc, Zeroes = true, MaxSize = KMALLOC_MAX_SIZE, LargeVariant = nameof(kvcalloc))]
    public static KPtr kcalloc([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, nameof(kcalloc));
        return ArraySize(n, size) is { } bytes
            ? new(m.Memory.Kmalloc.Allocate(bytes, flags | __GFP_ZERO, MemoryFamily.Kmalloc, nameof(kcalloc)))
            : NULL;
    }

    /// <summary>Allocates an array of <paramref name="n"/> elements of <paramref name="size"/> bytes; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE, ZeroingVariant = nameof(kcalloc), LargeVariant = nameof(kvmalloc_array))]
    public static KPtr kmalloc_array([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, nameof(kmalloc_array));
        return ArraySize(n, size) is { } bytes
            ? new(m.Memory.Kmalloc.Allocate(bytes, flags, MemoryFamily.Kmalloc, nameof(kmalloc_array)))
            : NULL;
    }

    /// <summary>Resizes <paramref name="p"/> (NULL allocates). On success the old memory is gone; on failure it is untouched and NULL is returned.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE)]
    public static KPtr krealloc([Reallocated] KPtr p, [AllocSize] long newSize, [Gfp] gfp_t flags)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, nameof(krealloc));
        return new(m.Memory.Kmalloc.Reallocate(p.Value, newSize, flags, nameof(krealloc)));
    }

    /// <summary>Duplicates <paramref name="len"/> bytes at <paramref name="src"/> into new kmalloc memory.</summary>
    [Allocates(MemoryFamily.Kmalloc, MaxSize = KMALLOC_MAX_SIZE)]
    public static KPtr kmemdup([Dereferences] KPtr src, [AllocSize] long len, [Gfp] gfp_t flags)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, nameof(kmemdup));
        var bytes = m.Memory.Access.ReadArray(src.Value, Math.Max(len, 0), nameof(kmemdup));
        var p = new KPtr(m.Memory.Kmalloc.Allocate(len, flags, MemoryFamily.Kmalloc, nameof(kmemdup)));
        if (!ZERO_OR_NULL_PTR(p))
            m.Memory.Access.Write(p.Value, bytes, nameof(kmemdup));
        return p;
    }

    /// <summary>Duplicates a string, NUL-terminated, into new kmalloc memory.</summary>
    [Allocates(MemoryFamily.Kmalloc)]
    public static KPtr kstrdup(string s, [Gfp] gfp_t flags)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, nameof(kstrdup));
        if (s == null)
            return NULL;
        var bytes = Encoding.UTF8.GetBytes(s + "\0");
        var p = new KPtr(m.Memory.Kmalloc.Allocate(bytes.LongLength, flags, MemoryFamily.Kmalloc, nameof(kstrdup)));
        if (p != NULL)
            m.Memory.Access.Write(p.Value, bytes, nameof(kstrdup));
        return p;
    }

    /// <summary>Releases kmalloc memory; NULL is a no-op.</summary>
    [Releases(MemoryFamily.Kmalloc)]
    public static void kfree([Freed] KPtr p) => Machine.Current.Memory.Kmalloc.Free(p.Value, KfreeAccepts, nameof(kfree));

    /// <summary>The usable size of a kmalloc object (its size class).</summary>
    public static long ksize([Dereferences] KPtr p) => Machine.Current.Memory.Kmalloc.UsableSize(p.Value, nameof(ksize));

    private const MemoryFamily KfreeAccepts = MemoryFamily.Kmalloc | MemoryFamily.Kvmalloc | MemoryFamily.SlabObject;

    /// <summary>n * size, or null when the product overflows size_t (or either is negative).</summary>
    private static long? ArraySize(long n, long size)
    {
        if (n < 0 || size < 0)
            return null;
        try
        {
            return checked(n * size);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
