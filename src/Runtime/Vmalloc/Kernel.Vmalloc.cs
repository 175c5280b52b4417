namespace Kmem;

public static partial class Kernel
{
    /// <summary>Allocates virtually contiguous memory from scattered pages. May sleep. NULL on failure.</summary>
    [Allocates(MemoryFamily.Vmalloc, ZeroingVariant = nameof(vzalloc), ArrayVariant = nameof(vmalloc_array))]
    [MightSleep]
    public static KPtr vmalloc([AllocSize] long size) => VmallocOf(size, GFP_KERNEL, nameof(vmalloc));

    /// <summary>As <see cref="vmalloc"/>, zeroed.</summary>
    [Allocates(MemoryFamily.Vmalloc, Zeroes = true, ArrayVariant = nameof(vcalloc))]
    [MightSleep]
    public static KPtr vzalloc([AllocSize] long size) => VmallocOf(size, GFP_KERNEL | __GFP_ZERO, nameof(vzalloc));

    /// <summary>vmalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Vmalloc, ZeroingVariant = nameof(vcalloc))]
    [MightSleep]
    public static KPtr vmalloc_array([AllocCount] long n, [AllocSize] long size) => ArraySize(n, size) is { } bytes ? VmallocOf(bytes, GFP_KERNEL, nameof(vmalloc_array)) : NULL;

    /// <summary>vzalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Vmalloc, Zeroes = true)]
    [MightSleep]
    public static KPtr vcalloc([AllocCount] long n, [AllocSize] long size) => ArraySize(n, size) is { } bytes ? VmallocOf(bytes, GFP_KERNEL | __GFP_ZERO, nameof(vcalloc)) : NULL;

    /// <summary>Releases vmalloc memory; NULL is a no-op. May sleep.</summary>
    [Releases(MemoryFamily.Vmalloc)]
    public static void vfree([Freed] KPtr addr) => Machine.Current.Memory.Vmalloc.Free(addr.Value, VfreeAccepts, nameof(vfree));

    /// <summary>Whether <paramref name="addr"/> lies in the vmalloc area.</summary>
    public static bool is_vmalloc_addr(KPtr addr) => AddressLayout.IsVmalloc(addr.Value);

    /// <summary>The page behind a vmalloc address; null if nothing is mapped there.</summary>
    public static page? vmalloc_to_page(KPtr addr)
    {
        var memory = Machine.Current.Memory;
        long pfn = memory.Vmalloc.PfnAt(addr.Value);
        return pfn < 0 ? null : memory.Frames.PageOf(pfn);
    }

    private const MemoryFamily VfreeAccepts = MemoryFamily.Vmalloc | MemoryFamily.Kvmalloc;

    private static KPtr VmallocOf(long size, gfp_t gfp, string function)
    {
        var m = Machine.Current;
        m.MightSleep(function);
        return new(m.Memory.Vmalloc.Allocate(size, gfp, MemoryFamily.Vmalloc, function));
    }
}
