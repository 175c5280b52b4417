namespace Kmem;

public static partial class Kernel
{
    /// <summary>Tries kmalloc, then falls back to vmalloc when the flags allow sleeping. NULL on failure.</summary>
    [Allocates(MemoryFamily.Kvmalloc, ZeroingVariant = nameof(kvzalloc), ArrayVariant = nameof(kvmalloc_array))]
    public static KPtr kvmalloc([AllocSize] long size, [Gfp] gfp_t flags) => KvmallocOf(size, flags, nameof(kvmalloc));

    /// <summary>As <see cref="kvmalloc"/>, zeroed.</summary>
    [Allocates(MemoryFamily.Kvmalloc, Zeroes = true, ArrayVariant = nameof(kvcalloc))]
    public static KPtr kvzalloc([AllocSize] long size, [Gfp] gfp_t flags) => KvmallocOf(size, flags | __GFP_ZERO, nameof(kvzalloc));

    /// <summary>kvmalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kvmalloc, ZeroingVariant = nameof(kvcalloc))]
    public static KPtr kvmalloc_array([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags) => ArraySize(n, size) is { } bytes ? KvmallocOf(bytes, flags, nameof(kvmalloc_array)) : NULL;

    /// <summary>kvzalloc of an array; NULL if the product overflows.</summary>
    [Allocates(MemoryFamily.Kvmalloc, Zeroes = true)]
    public static KPtr kvcalloc([AllocCount] long n, [AllocSize] long size, [Gfp] gfp_t flags) => ArraySize(n, size) is { } bytes ? KvmallocOf(bytes, flags | __GFP_ZERO, nameof(kvcalloc)) : NULL;

    /// <summary>Releases kvmalloc memory, and also kmalloc or vmalloc memory, as in the kernel. NULL is a no-op.</summary>
    [Releases(MemoryFamily.Kvmalloc | MemoryFamily.Kmalloc | MemoryFamily.Vmalloc)]
    public static void kvfree([Freed] KPtr addr)
    {
        var memory = Machine.Current.Memory;
        if (AddressLayout.IsVmalloc(addr.Value))
            memory.Vmalloc.Free(addr.Value, VfreeAccepts, nameof(kvfree));
        else
            memory.Kmalloc.Free(addr.Value, KfreeAccepts, nameof(kvfree));
    }

    /// <summary>
    /// kmalloc first; above a page it must neither warn nor retry hard. Then, only for sizes above a
    /// page and masks that may sleep, vmalloc.
    /// </summary>
    private static KPtr KvmallocOf(long size, gfp_t flags, string function)
    {
        var m = Machine.Current;
        m.MightSleepIf(flags, function);
        var kmallocFlags = flags;
        if (size > PAGE_SIZE)
        {
            kmallocFlags |= __GFP_NOWARN;
            if ((flags & __GFP_RETRY_MAYFAIL) == 0)
                kmallocFlags |= __GFP_NORETRY;
            kmallocFlags &= ~__GFP_NOFAIL;
        }
        ulong p = m.Memory.Kmalloc.Allocate(size, kmallocFlags, MemoryFamily.Kvmalloc, function);
        if (p != 0 || size <= PAGE_SIZE || (flags & __GFP_DIRECT_RECLAIM) == 0)
            return new(p);
        if (size > int.MaxValue)
        {
            if ((flags & __GFP_NOWARN) == 0)
                m.Memory.Log.Warn($"WARNING: CPU: 0 PID: {CurrentTask.Pid} at mm/util.c:650 {function}\n{function} size {size} exceeds INT_MAX");
            return NULL;
        }
        return new(m.Memory.Vmalloc.Allocate(size, flags, MemoryFamily.Kvmalloc, function));
    }
}
