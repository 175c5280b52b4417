using System;
using System.Threading;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Declares that the caller may sleep: reports a bug when called in atomic context.</summary>
    [MightSleep] public static void might_sleep() => Machine.Current.CheckMightSleep(nameof(might_sleep));

    /// <summary>Sleeps at least <paramref name="ms"/> milliseconds: the virtual clock advances by that much, running the timers that fall due.</summary>
    [MightSleep]
    public static void msleep(uint ms)
    {
        var machine = Machine.Current;
        machine.CheckMightSleep(nameof(msleep));
        machine.AdvanceTime(TimeSpan.FromMilliseconds(ms));
        Thread.Yield();
    }

    /// <summary>Yields the CPU.</summary>
    [MightSleep]
    public static void schedule()
    {
        Machine.Current.CheckMightSleep(nameof(schedule));
        Thread.Yield();
    }

    /// <summary>Yields the CPU if another task should run.</summary>
    [MightSleep]
    public static void cond_resched()
    {
        Machine.Current.CheckMightSleep(nameof(cond_resched));
        Thread.Yield();
    }

    /// <summary>Busy-waits <paramref name="us"/> microseconds of virtual time; allowed in atomic context (no timer runs meanwhile).</summary>
    public static void udelay(ulong us) => Machine.Current.AdvanceClock(TimeSpan.FromTicks((long)Math.Min(us, long.MaxValue / 10) * 10));
    /// <summary>Whether the caller runs in hard-IRQ or softirq context.</summary>
    public static bool in_interrupt() => Machine.Current.Context.InInterrupt;
    /// <summary>Whether the caller may not sleep.</summary>
    public static bool in_atomic() => Machine.Current.Context.InAtomic;
    /// <summary>Whether the caller runs in hard-IRQ context.</summary>
    public static bool in_hardirq() => Machine.Current.Context.InHardirq;
    /// <summary>Whether the caller runs in softirq context.</summary>
    public static bool in_softirq() => Machine.Current.Context.InSoftirq;
    /// <summary>Whether the caller is running a softirq (a timer or tasklet callback), not merely with softirqs disabled.</summary>
    public static bool in_serving_softirq() => Machine.Current.Context.InServingSoftirq;
    /// <summary>Whether local interrupts are disabled.</summary>
    public static bool irqs_disabled() => Machine.Current.Context.IrqsDisabled;
}
