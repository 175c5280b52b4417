using System.Linq;

namespace Kmem;

public sealed partial class Machine
{
    private readonly IrqTable irqs = new();

    /// <summary>
    /// Raises interrupt <paramref name="irq"/> on the calling thread, as the hardware would: every handler of the
    /// line runs in hard-IRQ context (interrupts off, <c>in_hardirq()</c> true), threaded handlers are woken when
    /// their primary returns <see cref="irqreturn_t.IRQ_WAKE_THREAD"/> (or has none), then pending softirqs run.
    /// An interrupt nobody handles is reported ("irq N: nobody cared").
    /// </summary>
    /// <returns>The handlers' results or-ed together, as the kernel combines them.</returns>
    public irqreturn_t RaiseIrq(int irq)
    {
        var line = irqs.Find(irq);
        IrqAction[] actions = line?.Actions ?? [];
        var result = irqreturn_t.IRQ_NONE;
        var ctx = Context;
        bool irqsWereDisabled = ctx.IrqsDisabled;
        ctx.PreemptCount += KernelContextState.HardirqOffset;
        ctx.IrqsDisabled = true;
        try
        {
            if (line is not null)
            {
                lock (line.Handling)
                {
                    actions = line.Actions;
                    foreach (var action in actions)
                        result |= RunPrimaryHandler(irq, action);
                }
            }
            if (result == irqreturn_t.IRQ_NONE)
                ReportUnhandledIrq(irq, actions);
        }
        finally
        {
            ctx.PreemptCount -= KernelContextState.HardirqOffset;
            ctx.IrqsDisabled = irqsWereDisabled;
        }
        TryRunSoftirqs();
        return result;
    }

    private irqreturn_t RunPrimaryHandler(int irq, IrqAction action)
    {
        var result = action.Handler is null ? irqreturn_t.IRQ_WAKE_THREAD : action.Handler(irq, action.DevId);
        if (result == irqreturn_t.IRQ_WAKE_THREAD)
        {
            if (action.Thread is null)
                Report(KernelReportKind.Warning, $"IRQ {irq} device {action.Name} returned IRQ_WAKE_THREAD but no thread function available.");
            else
                action.Thread.Wake();
        }
        return result;
    }

    private void ReportUnhandledIrq(int irq, IrqAction[] actions)
    {
        var details = new[] { "handlers:" }
            .Concat(actions.Select(a => $"[<{(a.Handler ?? a.ThreadFn)?.Method.Name}>] {a.Name}"))
            .ToArray();
        Report(KernelReportKind.UnhandledIrq, $"irq {irq}: nobody cared (try booting with the \"irqpoll\" option)", details);
    }

    /// <summary>request_threaded_irq, and request_irq without a thread.</summary>
    internal int RequestIrq(int irq, irq_handler_t? handler, irq_handler_t? threadFn, ulong flags, string name, object? dev)
    {
        CheckMightSleep(threadFn is null ? "request_irq" : "request_threaded_irq");
        if (irq < 0 || irq >= IrqTable.NrIrqs || (handler is null && threadFn is null))
            return -Kernel.EINVAL;
        if ((flags & Kernel.IRQF_SHARED) != 0 && dev is null)
            return -Kernel.EINVAL; // a shared line needs dev_id to tell its handlers apart at free_irq
        var thread = threadFn is null ? null : new IrqThread(this, irq, threadFn, name, dev);
        var conflict = irqs.TryAdd(irq, new IrqAction(handler, threadFn, flags, name, dev) { Thread = thread });
        if (conflict is not null)
        {
            thread?.Stop();
            Log(LogLevel.Error, $"genirq: Flags mismatch irq {irq}. {flags:x8} ({name}) vs. {conflict.Flags:x8} ({conflict.Name})");
            return -Kernel.EBUSY;
        }
        return 0;
    }

    internal void FreeIrq(int irq, object? dev)
    {
        CheckMightSleep("free_irq");
        var action = irqs.Remove(irq, dev);
        if (action is null)
        {
            Report(KernelReportKind.Warning, $"Trying to free already-free IRQ {irq}");
            return;
        }
        action.Thread?.Stop();
    }

    internal void SynchronizeIrq(int irq)
    {
        var line = irqs.Find(irq);
        if (line is null)
            return;
        lock (line.Handling)
        {
            // a handler running on another thread has finished once we hold the line
        }
        foreach (var action in line.Actions)
            action.Thread?.WaitIdle();
    }
}
