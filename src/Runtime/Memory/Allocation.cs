using System.Diagnostics;
using System.Threading;

namespace Kmem;

/// <summary>
/// One allocation handed out by any allocator: what it is, where, how big as requested, and who made
/// it. Released exactly once: <see cref="TryRelease"/> lets only one of two racing frees win.
/// </summary>
internal sealed class Allocation
{
    private int released;
    private string? allocatedStack;

    public Allocation(MemoryFamily family, ulong start, long size, string allocatedBy, StackTrace? allocatedAt = null)
    {
        Family = family;
        Start = start;
        Size = size;
        AllocatedBy = allocatedBy;
        AllocatedAt = allocatedAt;
        AllocatedPid = CurrentTask.Pid;
        AllocatedComm = allocatedAt is null ? null : CurrentTask.Comm;
    }

    public MemoryFamily Family { get; }

    /// <summary>The start address: a kernel virtual address, or the physical address of a highmem page.</summary>
    public ulong Start { get; }

    /// <summary>The size as requested; accesses beyond it are out of bounds. krealloc may change it in place.</summary>
    public long Size { get; set; }

    public string AllocatedBy { get; }

    /// <summary>Where it was allocated, when KASAN or kmemleak records stacks; formatted only when a report needs it.</summary>
    public StackTrace? AllocatedAt { get; }

    public int AllocatedPid { get; }

    /// <summary>The task that allocated it, recorded with the stack.</summary>
    public string? AllocatedComm { get; }

    /// <summary>Where it was freed, when KASAN records stacks.</summary>
    public StackTrace? FreedAt { get; private set; }

    public int FreedPid { get; private set; }

    /// <summary>The allocation stack as reports print it, or null when none was recorded.</summary>
    public string? StackTrace => AllocatedAt is null ? null : allocatedStack ??= KernelStack.Format(AllocatedAt);

    /// <summary>Whether kmemleak has reported it already (it reports each block once).</summary>
    public bool LeakReported { get; set; }

    public bool IsLive => Volatile.Read(ref released) == 0;

    public bool TryRelease(StackTrace? freedAt = null)
    {
        if (Interlocked.Exchange(ref released, 1) != 0)
            return false;
        FreedAt = freedAt;
        FreedPid = CurrentTask.Pid;
        return true;
    }

    public ulong End => Start + (ulong)Size;

    public LiveAllocation ToLiveAllocation() => new(Start, Size, Family, AllocatedBy, StackTrace);
}
