using System;
using System.Collections.Generic;
using System.Threading;

namespace Kmem;

/// <summary>
/// The system workqueue: worker threads (started on first use) that run work items in process
/// context, in the order queued; a work item never runs on two workers at once.
/// </summary>
internal sealed class Workqueue
{
    private static readonly TimeSpan shutdownGrace = TimeSpan.FromSeconds(10);

    private readonly Machine machine;
    private readonly int workerCount;
    private readonly object sync = new();
    private readonly LinkedList<work_struct> queue = new();
    private readonly List<Thread> workers = new();
    private bool stopping;

    public Workqueue(Machine machine, int workerCount)
    {
        this.machine = machine;
        this.workerCount = workerCount;
    }

    public void Init(work_struct work, Action<work_struct> func)
    {
        lock (sync)
            work.func = func;
    }

    /// <summary>schedule_work: false if already queued (or the machine is shutting down).</summary>
    public bool Queue(work_struct work)
    {
        lock (sync)
        {
            if (work.pending || stopping)
                return false;
            work.pending = true;
            queue.AddLast(work);
            StartWorkers();
            Monitor.PulseAll(sync);
            return true;
        }
    }

    /// <summary>flush_work: waits until the item is neither queued nor running elsewhere; true if it had to wait.</summary>
    public bool Flush(work_struct work)
    {
        lock (sync)
        {
            bool waited = false;
            while (work.pending || RunningElsewhere(work))
            {
                waited = true;
                Monitor.Wait(sync);
            }
            return waited;
        }
    }

    /// <summary>cancel_work_sync: dequeues the item and waits for a running one; true if it was queued.</summary>
    public bool Cancel(work_struct work)
    {
        lock (sync)
        {
            bool wasPending = work.pending;
            if (wasPending)
            {
                work.pending = false;
                queue.Remove(work);
            }
            while (RunningElsewhere(work))
                Monitor.Wait(sync);
            return wasPending;
        }
    }

    /// <summary>Lets the workers finish the queued items, then stops them.</summary>
    public void Shutdown()
    {
        Thread[] toJoin;
        lock (sync)
        {
            stopping = true;
            Monitor.PulseAll(sync);
            toJoin = workers.ToArray();
        }
        foreach (var worker in toJoin)
            if (worker != Thread.CurrentThread)
                worker.Join(shutdownGrace);
    }

    private static bool RunningElsewhere(work_struct work) =>
        work.runningOn != 0 && work.runningOn != Environment.CurrentManagedThreadId;

    private void StartWorkers()
    {
        while (workers.Count < workerCount)
        {
            var worker = new Thread(WorkerLoop) { IsBackground = true, Name = $"kworker/0:{workers.Count}" };
            workers.Add(worker);
            worker.Start();
        }
    }

    private void WorkerLoop()
    {
        machine.AdoptAsCurrent();
        while (true)
        {
            work_struct? work;
            Action<work_struct>? func;
            lock (sync)
            {
                while ((work = TakeRunnable()) is null)
                {
                    if (stopping)
                        return;
                    Monitor.Wait(sync);
                }
                work.pending = false;
                work.runningOn = Environment.CurrentManagedThreadId;
                func = work.func;
            }
            try
            {
                func?.Invoke(work);
            }
            catch (Exception e)
            {
                machine.ReportOops(e, Thread.CurrentThread.Name ?? "kworker");
            }
            finally
            {
                lock (sync)
                {
                    work.runningOn = 0;
                    Monitor.PulseAll(sync);
                }
            }
        }
    }

    private work_struct? TakeRunnable()
    {
        for (var node = queue.First; node is not null; node = node.Next)
        {
            if (node.Value.runningOn != 0)
                continue; // running on another worker: it runs again after
            queue.Remove(node);
            return node.Value;
        }
        return null;
    }
}
