using System;

namespace Kmem;

/// <summary>A tasklet; its callback runs in softirq context.</summary>
public sealed partial class tasklet_struct
{
    // Guarded by the machine's TaskletQueue.
    internal Action<tasklet_struct>? callback;
    internal bool scheduled;
    internal int runningOn;
}
