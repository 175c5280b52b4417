using System;
using System.Diagnostics;
using System.Threading;

namespace Kmem;

public sealed partial class Machine
{
    private readonly ThreadLocal<KernelContextState> contexts = new(() => new KernelContextState());
    private Workqueue workqueue = null!;

    /// <summary>The calling thread's kernel context on this machine.</summary>
    internal KernelContextState Context => contexts.Value!;

    internal Workqueue Workqueue => workqueue;

    /// <summary>The calling thread's pid as reports print it.</summary>
    internal static int CurrentPid => Environment.CurrentManagedThreadId;

    /// <summary>The calling thread's task name as reports print it.</summary>
    internal string CurrentComm => Context.Comm ?? Thread.CurrentThread.Name ?? $"task-{CurrentPid}";

    partial void InitContext() => workqueue = new Workqueue(this, Math.Max(1, Options.WorkerThreads));

    partial void ShutdownContext()
    {
        workqueue.Shutdown();
        irqs.Shutdown();
    }

    partial void OnMightSleep(string function) => CheckMightSleep(function);

    /// <summary>Makes this machine <see cref="Current"/> on a kernel thread it started.</summary>
    internal void AdoptAsCurrent() => current.Value = this;

    /// <summary>The kernel's <c>__might_sleep</c>: reports (and, as configured, throws) when the caller may not sleep.</summary>
    internal void CheckMightSleep(string function)
    {
        var ctx = Context;
        if (ctx.MaySleep || (Options.Debug & DebugOptions.SleepChecks) == 0)
            return;
        var report = new KernelReport(KernelReportKind.SleepInAtomic, "KMEM001",
            $"BUG: sleeping function called from invalid context at {function}", KernelStack.Capture())
        {
            Details =
            [
                $"in_atomic(): {(ctx.InAtomic ? 1 : 0)}, irqs_disabled(): {(ctx.IrqsDisabled ? 1 : 0)}, non_block: 0, pid: {CurrentPid}, name: {CurrentComm}",
                $"preempt_count: {ctx.PreemptCount:x}, expected: 0",
                $"RCU nest depth: {ctx.RcuDepth}, expected: 0",
            ],
        };
        AddReport(report);
        if (Options.ThrowOnSleepInAtomic)
            throw new SleepInAtomicException(report);
    }

    /// <summary>Reports a bug detected at the caller with the current call trace.</summary>
    internal KernelReport Report(KernelReportKind kind, string message, params string[] details)
    {
        var report = new KernelReport(kind, null, message, KernelStack.Capture()) { Details = details };
        AddReport(report);
        return report;
    }

    /// <summary>Records an exception that escaped kernel code on a kernel thread (which has nobody to throw to).</summary>
    internal void ReportOops(Exception e, string where)
    {
        if (e is KernelBugException)
            return; // already reported when it was thrown
        AddReport(new KernelReport(KernelReportKind.Oops, null,
            $"Oops: {e.GetType().Name} in {where}: {e.Message}", KernelStack.Format(new StackTrace(e, false))));
    }
}
