using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Timer ticks per second.</summary>
    public const uint HZ = 250;

    /// <summary>The tick counter.</summary>
    public static ulong jiffies => throw new NotImplementedException();

    /// <summary>Milliseconds in ticks.</summary>
    public static ulong msecs_to_jiffies(uint ms) => throw new NotImplementedException();

    /// <summary>Prepares a timer whose callback runs in softirq context.</summary>
    public static void timer_setup(timer_list timer, [CallbackContext(KernelContext.SoftIrq)] Action<timer_list> callback, uint flags) => throw new NotImplementedException();
    /// <summary>Arms (or re-arms) a timer to fire at <paramref name="expires"/> jiffies; 1 if it was pending.</summary>
    public static int mod_timer(timer_list timer, ulong expires) => throw new NotImplementedException();
    /// <summary>Disarms a timer; 1 if it was pending.</summary>
    public static int del_timer(timer_list timer) => throw new NotImplementedException();
    /// <summary>Disarms a timer and waits for a running callback to finish.</summary>
    public static int del_timer_sync(timer_list timer) => throw new NotImplementedException();

    /// <summary>Prepares a tasklet whose callback runs in softirq context.</summary>
    public static void tasklet_setup(tasklet_struct t, [CallbackContext(KernelContext.SoftIrq)] Action<tasklet_struct> callback) => throw new NotImplementedException();
    /// <summary>Schedules a tasklet to run soon in softirq context.</summary>
    public static void tasklet_schedule(tasklet_struct t) => throw new NotImplementedException();
    /// <summary>Waits for a scheduled tasklet to run and prevents it from running again.</summary>
    [MightSleep] public static void tasklet_kill(tasklet_struct t) => throw new NotImplementedException();
}
