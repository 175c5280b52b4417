using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Declares that the caller may sleep: reports a bug when called in atomic context.</summary>
    [MightSleep] public static void might_sleep() => throw new NotImplementedException();
    /// <summary>Sleeps at least <paramref name="ms"/> milliseconds.</summary>
    [MightSleep] public static void msleep(uint ms) => throw new NotImplementedException();
    /// <summary>Yields the CPU.</summary>
    [MightSleep] public static void schedule() => throw new NotImplementedException();
    /// <summary>Yields the CPU if another task should run.</summary>
    [MightSleep] public static void cond_resched() => throw new NotImplementedException();
    /// <summary>Busy-waits <paramref name="us"/> microseconds; allowed in atomic context.</summary>
    public static void udelay(ulong us) => throw new NotImplementedException();
    /// <summary>Whether the caller runs in hard-IRQ or softirq context.</summary>
    public static bool in_interrupt() => throw new NotImplementedException();
    /// <summary>Whether the caller may not sleep.</summary>
    public static bool in_atomic() => throw new NotImplementedException();
    /// <summary>Whether the caller runs in hard-IRQ context.</summary>
    public static bool in_hardirq() => throw new NotImplementedException();
    /// <summary>Whether the caller runs in softirq context.</summary>
    public static bool in_softirq() => throw new NotImplementedException();
    /// <summary>Whether local interrupts are disabled.</summary>
    public static bool irqs_disabled() => throw new NotImplementedException();
}
