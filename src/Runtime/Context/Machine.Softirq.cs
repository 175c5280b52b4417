namespace Kmem;

public sealed partial class Machine
{
    private readonly TimerWheel timers = new();
    private readonly TaskletQueue tasklets = new();

    internal TimerWheel Timers => timers;

    internal TaskletQueue Tasklets => tasklets;

    // One CPU's softirq: passes never overlap, so a tasklet or timer never runs twice at once.
    private readonly object softirqGate = new();

    /// <summary>
    /// Runs pending softirqs on the calling thread, in softirq context: the timers due at the current
    /// <see cref="Jiffies"/>, then the scheduled tasklets. Does nothing when the caller is itself in interrupt context.
    /// </summary>
    public void RunSoftirqs() => TryRunSoftirqs();

    /// <summary>Runs one softirq pass; false when the caller is in interrupt context, where softirqs wait.</summary>
    internal bool TryRunSoftirqs()
    {
        var ctx = Context;
        if (ctx.InInterrupt)
            return false;
        lock (softirqGate)
        {
            bool irqsWereDisabled = ctx.IrqsDisabled;
            ctx.PreemptCount += KernelContextState.SoftirqOffset;
            ctx.IrqsDisabled = false;
            try
            {
                timers.RunExpired(Jiffies);
                tasklets.RunScheduled();
            }
            finally
            {
                ctx.PreemptCount -= KernelContextState.SoftirqOffset;
                ctx.IrqsDisabled = irqsWereDisabled;
            }
        }
        return true;
    }

    internal void TaskletKill(tasklet_struct tasklet)
    {
        CheckMightSleep("tasklet_kill");
        if (tasklets.IsScheduled(tasklet))
            TryRunSoftirqs(); // as the kernel, let a scheduled tasklet run once more
        tasklets.Unschedule(tasklet);
        tasklets.WaitIdle(tasklet);
    }
}
