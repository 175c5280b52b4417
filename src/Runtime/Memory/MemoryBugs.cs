namespace Kmem;

/// <summary>Reports kernel bugs found by the allocators and the access checks, in the kernel's words.</summary>
internal sealed class MemoryBugs
{
    private const string KasanRule = "==================================================================";

    private readonly MemoryLog log;
    private readonly bool oopsOnBadFree;

    public MemoryBugs(MemoryLog log, bool oopsOnBadFree)
    {
        this.log = log;
        this.oopsOnBadFree = oopsOnBadFree;
    }

    /// <summary>Reports a free of something that is not a live allocation; throws if the machine oopses on bad frees.</summary>
    public void BadFree(string report, ulong address)
    {
        log.Error(report);
        if (oopsOnBadFree)
            throw new KernelOops(report, address);
    }

    /// <summary>"BUG: double free or invalid kfree" and the reason.</summary>
    public void InvalidFree(string function, ulong address, string reason) =>
        BadFree($"BUG: double free or invalid {function}: 0x{address:x8}\n{function}: {reason}", address);

    /// <summary>"BUG: Bad page state" for a bad free of page frames.</summary>
    public void BadPageState(long pfn, ulong address, string reason) =>
        BadFree($"BUG: Bad page state in process {CurrentTask.Comm}  pfn:{pfn:x5}\npage dumped because: {reason}", address);

    /// <summary>A fatal kernel bug: reported, then thrown.</summary>
    public KernelOops Oops(string report, ulong address)
    {
        log.Error(report);
        return new KernelOops(report, address);
    }

    public KernelOops NullDereference(ulong address, bool write) =>
        Oops($"BUG: kernel NULL pointer dereference, address: {address:x8}\n" + FaultDetail(write), address);

    public KernelOops PageFault(ulong address, bool write) =>
        Oops($"BUG: unable to handle page fault for address: {address:x8}\n" + FaultDetail(write), address);

    /// <summary>A KASAN-style report: <paramref name="bug"/> is "slab-out-of-bounds", "use-after-free", ….</summary>
    public KernelOops Kasan(string bug, string function, ulong address, long size, bool write) =>
        Oops($"{KasanRule}\nBUG: KASAN: {bug} in {function}\n" +
             $"{(write ? "Write" : "Read")} of size {size} at addr {address:x8} by task {CurrentTask.Comm}/{CurrentTask.Pid}\n{KasanRule}",
             address);

    private static string FaultDetail(bool write) =>
        $"#PF: supervisor {(write ? "write" : "read")} access in kernel mode\n" +
        $"#PF: error_code(0x000{(write ? 2 : 0)}) - not-present page\n" +
        $"Oops: 000{(write ? 2 : 0)} [#1] SMP";
}
