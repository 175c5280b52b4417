using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Timer ticks per second.</summary>
    public const uint HZ = 250;

    /// <summary>The tick counter.</summary>
    public static ulong jiffies => Machine.Current.Jiffies;

    /// <summary>Milliseconds in ticks.</summary>
    public static ulong msecs_to_jiffies(uint ms) => ((ulong)ms * HZ + 999) / 1000;

    /// <summary>Prepares a timer whose callback runs in softirq context.</summary>
    public static void timer_setup(timer_list timer, [CallbackContext(KernelContext.SoftIrq)] Action<timer_list> callback, uint flags) => Machine.Current.Timers.Setup(timer, callback);
    /// <summary>Arms (or re-arms) a timer to fire at <paramref name="expires"/> jiffies; 1 if it was pending.</summary>
    public static int mod_timer(timer_list timer, ulong expires) => Machine.Current.Timers.Modify(timer, expires);
    /// <summary>Disarms a timer; 1 if it was pending.</summary>
    public static int del_timer(timer_list timer) => Machine.Current.Timers.Delete(timer);
    /// <summary>Disarms a timer and waits for a running callback to finish.</summary>
    public static int del_timer_sync(timer_list timer)
    {
        var wheel = Machine.Current.Timers;
        int wasPending = wheel.Delete(timer);
        wheel.WaitIdle(timer);
        return wasPending;
    }

    /// <summary>Whether the timer is armed and has not fired yet.</summary>
    public static bool timer_pending(timer_list timer) => Machine.Current.Timers.IsPending(timer);

    /// <summary>Prepares a tasklet whose callback runs in softirq context.</summary>
    public static void tasklet_setup(tasklet_struct t, [CallbackContext(KernelContext.SoftIrq)] Action<tasklet_struct> callback) => Machine.Current.Tasklets.Setup(t, callback);
    /// <summary>Schedules a tasklet to run soon in softirq context.</summary>
    public static void tasklet_schedule(tasklet_struct t) => Machine.Current.Tasklets.Schedule(t);
    /// <summary>Waits for a scheduled tasklet to run and prevents it from running again.</summary>
    [MightSleep] public static void tasklet_kill(tasklet_struct t) => Machine.Current.TaskletKill(t);
}
