using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Prepares a work item whose handler runs in process context on a worker thread.</summary>
    public static void INIT_WORK(work_struct work, [CallbackContext(KernelContext.Process)] Action<work_struct> func) => Machine.Current.Workqueue.Init(work, func);
    /// <summary>Queues a work item; false if it was already queued.</summary>
    public static bool schedule_work(work_struct work) => Machine.Current.Workqueue.Queue(work);

    /// <summary>Waits for a work item to finish; true if it had to wait.</summary>
    [MightSleep]
    public static bool flush_work(work_struct work)
    {
        var machine = Machine.Current;
        machine.CheckMightSleep(nameof(flush_work));
        return machine.Workqueue.Flush(work);
    }

    /// <summary>Cancels a work item and waits for a running one to finish; true if it was pending.</summary>
    [MightSleep]
    public static bool cancel_work_sync(work_struct work)
    {
        var machine = Machine.Current;
        machine.CheckMightSleep(nameof(cancel_work_sync));
        return machine.Workqueue.Cancel(work);
    }
}
