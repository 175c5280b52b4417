using System;
using System.Collections.Generic;

namespace Kmem;

/// <summary>
/// Reports kernel bugs found by the allocators and the access checks, in the kernel's words (KASAN's
/// when KASAN is on), each with the KMEM rule that finds the same mistake statically. Every report
/// goes to the machine's report list and kernel log; a fatal one is also thrown as a <see cref="KernelOops"/>.
/// </summary>
internal sealed class MemoryBugs
{
    private readonly MemoryLog log;
    private readonly bool oopsOnBadFree;
    private readonly bool kasan;
    private readonly Action<KernelReport> sink;

    public MemoryBugs(MemoryLog log, bool oopsOnBadFree, bool kasan, Action<KernelReport> sink)
    {
        this.log = log;
        this.oopsOnBadFree = oopsOnBadFree;
        this.kasan = kasan;
        this.sink = sink;
    }

    /// <summary>A free of something that is not a live allocation of the releasing family: KASAN's double-free or invalid-free, else SLUB's "double free or invalid".</summary>
    public void InvalidFree(string function, ulong address, string reason, KernelReportKind kind = KernelReportKind.InvalidFree, string? ruleId = null, BuggyObject? obj = null)
    {
        var report = kasan
            ? KasanReport.Free(kind, ruleId, kind == KernelReportKind.DoubleFree ? "double-free" : "invalid-free", function, address, $"{function}: {reason}", obj)
            : Plain(kind, ruleId, $"BUG: double free or invalid {function}: 0x{address:x8}", address, $"{function}: {reason}");
        BadFree(report);
    }

    /// <summary>vfree of an address that does not start a live vmalloc area.</summary>
    public void NoVmArea(string function, ulong address, KernelReportKind kind, string? ruleId) =>
        BadFree(Plain(kind, ruleId, $"Trying to {function}() nonexistent vm area (0x{address:x8})", address));

    /// <summary>"BUG: Bad page state" for a bad free of page frames.</summary>
    public void BadPageState(long pfn, ulong address, string reason, string? ruleId) =>
        BadFree(Plain(KernelReportKind.BadPageState, ruleId, $"BUG: Bad page state in process {CurrentTask.Comm}  pfn:{pfn:x5}", address, $"page dumped because: {reason}"));

    /// <summary>A fatal kernel bug that no rule predicts: reported, then returned to be thrown.</summary>
    public KernelOops Oops(string text, ulong address)
    {
        var lines = text.Split('\n');
        return Raise(Plain(KernelReportKind.Oops, null, lines[0], address, lines[1..]));
    }

    public KernelOops NullDereference(ulong address, bool write) =>
        Raise(Plain(KernelReportKind.NullDereference, "KMEM006", $"BUG: kernel NULL pointer dereference, address: {address:x8}", address, FaultDetail(write)));

    public KernelOops PageFault(ulong address, bool write) =>
        Raise(Plain(KernelReportKind.PageFault, null, $"BUG: unable to handle page fault for address: {address:x8}", address, FaultDetail(write)));

    /// <summary>A KASAN report of a bad access: <paramref name="bug"/> is "slab-out-of-bounds", "use-after-free", ….</summary>
    public KernelOops Kasan(string bug, string function, ulong address, long size, bool write, BuggyObject? obj = null)
    {
        bool freed = bug.EndsWith("use-after-free", StringComparison.Ordinal);
        return Raise(KasanReport.Access(freed ? KernelReportKind.UseAfterFree : KernelReportKind.OutOfBounds, freed ? "KMEM008" : null,
            bug, function, address, size, write, obj));
    }

    /// <summary>A kernel WARN about a call that cannot succeed or is wrong; the code goes on.</summary>
    public void Warn(string? ruleId, string text, ulong? address = null, long? size = null)
    {
        var lines = text.Split('\n');
        var report = Plain(KernelReportKind.Warning, ruleId, lines[0], address ?? 0, lines[1..]) with { Address = address, Size = size };
        Record(report);
    }

    /// <summary>kmalloc's and the page allocator's complaint about GFP flags they do not accept (KMEM011); the flags are fixed up and the call goes on.</summary>
    public void UnexpectedGfp(gfp_t gfp, gfp_t invalid) =>
        Warn("KMEM011", $"Unexpected gfp: {GfpNames.Mode(gfp & invalid)}. Fixing up to gfp: {GfpNames.Mode(gfp & ~invalid)}. Fix your code!");

    private void BadFree(KernelReport report)
    {
        var oops = Raise(report);
        if (oopsOnBadFree)
            throw oops;
    }

    private KernelOops Raise(KernelReport report) => new(Record(report), report.Address ?? 0) { Report = report };

    /// <summary>Logs and records the report; returns its text as the kernel printed it.</summary>
    private string Record(KernelReport report)
    {
        var lines = new List<string>();
        if (report.Message.StartsWith("BUG: KASAN", StringComparison.Ordinal))
            lines.Add(KasanReport.Rule);
        lines.Add(report.Message);
        lines.AddRange(report.Details);
        string text = string.Join("\n", lines);
        log.Remember(text);
        sink(report);
        return text;
    }

    private static KernelReport Plain(KernelReportKind kind, string? ruleId, string headline, ulong address, params string[] details) =>
        new(kind, ruleId, headline, KernelStack.Capture()) { Details = details, Address = address };

    private static string[] FaultDetail(bool write) =>
    [
        $"#PF: supervisor {(write ? "write" : "read")} access in kernel mode",
        $"#PF: error_code(0x000{(write ? 2 : 0)}) - not-present page",
        $"Oops: 000{(write ? 2 : 0)} [#1] SMP",
    ];
}
