using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Allocates virtually contiguous memory from scattered pages. May sleep. NULL on failure.</summary>
    [Allocates(MemoryFamily.Vmalloc, ZeroingVariant = nameof(vzalloc), ArrayVariant = nameof(vmalloc_array))]
    [MightSleep]
    public static KPtr vmalloc([AllocSize] long size) => throw new NotImplementedException();

    /// <summary>As <see cref="vmalloc"/>, zeroed.</summary>
    [Allocates(MemoryFamily.Vmalloc, Zeroes = true, ArrayVariant = nameof(vcalloc))]
    [MightSleep]
    public static KPtr vzalloc([AllocSize] long size) => throw new NotImplementedException();

    /// <summary>vmalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Vmalloc, ZeroingVariant = nameof(vcalloc))]
    [MightSleep]
    public static KPtr vmalloc_array([AllocCount] long n, [AllocSize] long size) => throw new NotImplementedException();

    /// <summary>vzalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Vmalloc, Zeroes = true)]
    [MightSleep]
    public static KPtr vcalloc([AllocCount] long n, [AllocSize] long size) => throw new NotImplementedException();

    /// <summary>Releases vmalloc memory; NULL is a no-op. May sleep.</summary>
    [Releases(MemoryFamily.Vmalloc)]
    public static void vfree([Freed] KPtr addr) => throw new NotImplementedException();
}
