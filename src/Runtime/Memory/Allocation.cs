using System.Threading;

namespace Kmem;

/// <summary>
/// One allocation handed out by any allocator: what it is, where, how big as requested, and who made
/// it. Released exactly once: <see cref="TryRelease"/> lets only one of two racing frees win.
/// </summary>
internal sealed class Allocation
{
    private int released;

    public Allocation(MemoryFamily family, ulong start, long size, string allocatedBy)
    {
        Family = family;
        Start = start;
        Size = size;
        AllocatedBy = allocatedBy;
    }

    public MemoryFamily Family { get; }

    /// <summary>The start address: a kernel virtual address, or the physical address of a highmem page.</summary>
    public ulong Start { get; }

    /// <summary>The size as requested; accesses beyond it are out of bounds. krealloc may change it in place.</summary>
    public long Size { get; set; }

    public string AllocatedBy { get; }

    public string? StackTrace { get; set; }

    public bool IsLive => Volatile.Read(ref released) == 0;

    public bool TryRelease() => Interlocked.Exchange(ref released, 1) == 0;

    public LiveAllocation ToLiveAllocation() => new(Start, Size, Family, AllocatedBy, StackTrace);
}
