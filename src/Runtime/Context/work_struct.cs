using System;

namespace Kmem;

/// <summary>A work item; its handler runs on a worker thread in process context.</summary>
public sealed partial class work_struct
{
    // Guarded by the machine's Workqueue.
    internal Action<work_struct>? func;
    internal bool pending;
    internal int runningOn;
}
