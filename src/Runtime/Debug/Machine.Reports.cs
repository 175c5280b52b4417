using System.Collections.Generic;

namespace Kmem;

public sealed partial class Machine
{
    private readonly List<KernelReport> reports = new();

    /// <summary>Every bug the kernel reported on this machine, oldest first (a snapshot).</summary>
    public IReadOnlyList<KernelReport> Reports
    {
        get
        {
            lock (reports)
                return reports.ToArray();
        }
    }

    /// <summary>Records a report and prints it into the kernel log: the headline and details at KERN_ERR, then the call trace.</summary>
    internal void AddReport(KernelReport report)
    {
        lock (reports)
            reports.Add(report);
        if (report.Message.StartsWith("BUG: KASAN", System.StringComparison.Ordinal))
            Log(LogLevel.Error, KasanReport.Rule);
        Log(LogLevel.Error, report.Message);
        foreach (var line in report.Details)
            Log(LogLevel.Error, line);
        if (report.Stack.Length == 0)
            return;
        Log(LogLevel.Warning, "Call Trace:");
        foreach (var frame in report.Stack.Split('\n'))
            Log(LogLevel.Warning, frame);
    }
}
