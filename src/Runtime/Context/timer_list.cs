using System;

namespace Kmem;

/// <summary>A kernel timer; its callback runs in softirq context.</summary>
public sealed partial class timer_list
{
    // Guarded by the machine's TimerWheel.
    internal Action<timer_list>? callback;
    internal bool pending;
    internal int runningOn;

    /// <summary>The jiffy at which the timer fires when pending.</summary>
    public ulong expires { get; internal set; }
}
