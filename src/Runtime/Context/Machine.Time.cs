using System;
using System.Threading;

namespace Kmem;

public sealed partial class Machine
{
    private const long TicksPerJiffy = TimeSpan.TicksPerSecond / Kernel.HZ;

    // The virtual clock in TimeSpan ticks since boot; it moves only when told to.
    private long uptimeTicks;
    private readonly object timeAdvance = new();

    /// <summary>Time since boot on the machine's virtual clock, which only <see cref="AdvanceTime"/>, <c>msleep</c> and <c>udelay</c> move.</summary>
    public TimeSpan Uptime => TimeSpan.FromTicks(Volatile.Read(ref uptimeTicks));

    /// <summary>The tick counter: <see cref="Uptime"/> in units of 1/<see cref="Kernel.HZ"/> seconds, 0 at boot.</summary>
    public ulong Jiffies => (ulong)(Volatile.Read(ref uptimeTicks) / TicksPerJiffy);

    /// <summary>
    /// Moves the virtual clock forward by <paramref name="delta"/>, tick by tick where timers fall due: each due timer
    /// runs in softirq context on the calling thread with <c>jiffies</c> at its expiry; pending tasklets run too.
    /// A timer re-armed for a past tick runs at the next tick.
    /// </summary>
    public void AdvanceTime(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(delta), "time does not run backwards");
        lock (timeAdvance)
        {
            long targetTicks = Volatile.Read(ref uptimeTicks) + delta.Ticks;
            ulong targetJiffies = (ulong)(targetTicks / TicksPerJiffy);
            ulong? lastTick = null;
            while (timers.NextExpiry() is ulong next && next <= targetJiffies)
            {
                ulong tick = lastTick is ulong last ? Math.Max(next, last + 1) : Math.Max(next, Jiffies);
                if (tick > targetJiffies)
                    break;
                SetUptime((long)tick * TicksPerJiffy);
                if (!TryRunSoftirqs())
                    break;
                lastTick = tick;
            }
            SetUptime(targetTicks);
        }
        TryRunSoftirqs();
    }

    /// <summary>Moves the clock without running anything (udelay).</summary>
    internal void AdvanceClock(TimeSpan delta) => Interlocked.Add(ref uptimeTicks, delta.Ticks);

    private void SetUptime(long ticks)
    {
        long seen;
        do
        {
            seen = Volatile.Read(ref uptimeTicks);
            if (seen >= ticks)
                return;
        }
        while (Interlocked.CompareExchange(ref uptimeTicks, ticks, seen) != seen);
    }
}
