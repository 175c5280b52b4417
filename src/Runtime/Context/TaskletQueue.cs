using System;
using System.Collections.Generic;
using System.Threading;

namespace Kmem;

/// <summary>The machine's scheduled tasklets, run by the softirq in the order scheduled; a tasklet never runs twice at once.</summary>
internal sealed class TaskletQueue
{
    private readonly object sync = new();
    private readonly List<tasklet_struct> scheduled = new();

    public void Setup(tasklet_struct tasklet, Action<tasklet_struct> callback)
    {
        lock (sync)
            tasklet.callback = callback;
    }

    public void Schedule(tasklet_struct tasklet)
    {
        lock (sync)
        {
            if (tasklet.scheduled)
                return;
            tasklet.scheduled = true;
            scheduled.Add(tasklet);
        }
    }

    public bool IsScheduled(tasklet_struct tasklet)
    {
        lock (sync)
            return tasklet.scheduled;
    }

    public void Unschedule(tasklet_struct tasklet)
    {
        lock (sync)
        {
            tasklet.scheduled = false;
            scheduled.Remove(tasklet);
        }
    }

    public void WaitIdle(tasklet_struct tasklet)
    {
        lock (sync)
            while (tasklet.runningOn != 0 && tasklet.runningOn != Environment.CurrentManagedThreadId)
                Monitor.Wait(sync);
    }

    /// <summary>Runs the tasklets scheduled when it starts; ones they schedule wait for the next run.</summary>
    public void RunScheduled()
    {
        tasklet_struct[] batch;
        lock (sync)
        {
            batch = scheduled.ToArray();
            scheduled.Clear();
        }
        foreach (var tasklet in batch)
        {
            Action<tasklet_struct>? callback;
            lock (sync)
            {
                if (!tasklet.scheduled)
                    continue; // killed meanwhile
                tasklet.scheduled = false;
                tasklet.runningOn = Environment.CurrentManagedThreadId;
                callback = tasklet.callback;
            }
            try
            {
                if (callback is not null)
                    callback(tasklet);
            }
            finally
            {
                lock (sync)
                {
                    tasklet.runningOn = 0;
                    Monitor.PulseAll(sync);
                }
            }
        }
    }
}
