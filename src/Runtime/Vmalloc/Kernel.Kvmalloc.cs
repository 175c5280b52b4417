using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Tries kmalloc, then falls back to vmalloc when the flags allow sleeping. NULL on failure.</summary>
    [Allocates(MemoryFamily.Kvmalloc, ZeroingVariant = nameof(kvzalloc), ArrayVariant = nameof(kvmalloc_array))]
    public static KPtr kvmalloc([AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>As <see cref="kvmalloc"/>, zeroed.</summary>
    [Allocates(MemoryFamily.Kvmalloc, Zeroes = true, ArrayVariant = nameof(kvcalloc))]
    public static KPtr kvzalloc([AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>kvmalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kvmalloc, ZeroingVariant = nameof(kvcalloc))]
    public static KPtr kvmalloc_array([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>kvzalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kvmalloc, Zeroes = true)]
    public static KPtr kvcalloc([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags) => throw new NotImplementedException();

    /// <summary>Releases kvmalloc memory, and also kmalloc or vmalloc memory, as in the kernel. NULL is a no-op.</summary>
    [Releases(MemoryFamily.Kvmalloc | MemoryFamily.Kmalloc | MemoryFamily.Vmalloc)]
    public static void kvfree([Freed] KPtr addr) => throw new NotImplementedException();
}
