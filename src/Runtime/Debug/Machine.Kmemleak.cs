using System;
using System.Collections.Generic;
using System.Linq;

namespace Kmem;

public sealed partial class Machine
{
    /// <summary>
    /// A kmemleak scan (<c>echo scan &gt; /sys/kernel/debug/kmemleak</c>): reports, once each, every live allocation
    /// that no root references — the static fields of loaded modules and what they reach, registered IRQ handlers'
    /// dev_id and delegates, <paramref name="roots"/> (the host program's own references), and the memory of every
    /// referenced allocation. Each report is a KMEM002 leak. Nothing is scanned when kmemleak is off.
    /// </summary>
    /// <returns>The reports this scan made.</returns>
    public IReadOnlyList<KernelReport> ScanLeaks(params object?[] roots) =>
        ReportLeaks(FindLeaks(Modules.Select(m => m.ModuleClass), roots), "KMEM002", module: null);

    /// <summary>What is unreferenced with <paramref name="moduleClasses"/> loaded; empty when kmemleak is off.</summary>
    private List<Allocation> FindLeaks(IEnumerable<Type> moduleClasses, IEnumerable<object?> roots)
    {
        if ((Options.Debug & DebugOptions.Kmemleak) == 0)
            return [];
        var scan = new KmemleakScan(Memory);
        foreach (var moduleClass in moduleClasses)
            scan.Roots.AddStatics(moduleClass);
        foreach (var action in irqs.AllActions())
        {
            scan.Roots.Value(action.DevId);
            scan.Roots.Value(action.Handler);
            scan.Roots.Value(action.ThreadFn);
        }
        foreach (var root in roots)
            scan.Roots.Value(root);
        return scan.Unreferenced();
    }

    /// <summary>Reports the leaks not reported before, as kmemleak prints them, tagged with <paramref name="ruleId"/>.</summary>
    private IReadOnlyList<KernelReport> ReportLeaks(IEnumerable<Allocation> leaks, string ruleId, string? module)
    {
        var fresh = leaks.Where(a => !a.LeakReported).ToList();
        if (fresh.Count == 0)
            return [];
        Log(LogLevel.Info, $"kmemleak: {fresh.Count} new suspected memory leaks (see /sys/kernel/debug/kmemleak)");
        var made = new List<KernelReport>();
        foreach (var leak in fresh)
        {
            leak.LeakReported = true;
            string stack = leak.StackTrace ?? "";
            var details = new List<string>
            {
                $"  comm \"{leak.AllocatedComm ?? "kthread"}\", pid {leak.AllocatedPid}, jiffies {Jiffies}",
            };
            if (module is not null)
                details.Add($"  module \"{module}\", allocated by {leak.AllocatedBy} ({leak.Family})");
            details.Add("  backtrace:");
            details.AddRange(stack.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(frame => "   " + frame));
            var report = new KernelReport(KernelReportKind.MemoryLeak, ruleId, $"unreferenced object 0x{leak.Start:x8} (size {leak.Size}):", "")
            {
                Details = details,
                Address = leak.Start,
                Size = leak.Size,
                Stacks = stack.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["allocated"] = stack },
            };
            AddReport(report);
            made.Add(report);
        }
        return made;
    }
}
