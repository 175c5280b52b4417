using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Kmem;

/// <summary>The machine's pending timers, fired by the softirq in expiry order.</summary>
internal sealed class TimerWheel
{
    private readonly object sync = new();
    private readonly List<timer_list> pending = new();

    public void Setup(timer_list timer, Action<timer_list> callback)
    {
        lock (sync)
        {
            pending.Remove(timer);
            timer.pending = false;
            timer.callback = callback;
        }
    }

    /// <summary>mod_timer: 1 if the timer was pending.</summary>
    public int Modify(timer_list timer, ulong expires)
    {
        lock (sync)
        {
            timer.expires = expires;
            if (timer.pending)
                return 1;
            timer.pending = true;
            pending.Add(timer);
            return 0;
        }
    }

    /// <summary>del_timer: 1 if the timer was pending.</summary>
    public int Delete(timer_list timer)
    {
        lock (sync)
        {
            if (!timer.pending)
                return 0;
            timer.pending = false;
            pending.Remove(timer);
            return 1;
        }
    }

    /// <summary>Waits until the timer's callback is not running on another thread.</summary>
    public void WaitIdle(timer_list timer)
    {
        lock (sync)
            while (timer.runningOn != 0 && timer.runningOn != Environment.CurrentManagedThreadId)
                Monitor.Wait(sync);
    }

    public bool IsPending(timer_list timer)
    {
        lock (sync)
            return timer.pending;
    }

    public ulong? NextExpiry()
    {
        lock (sync)
            return pending.Count == 0 ? null : pending.Min(t => t.expires);
    }

    /// <summary>Runs each timer due at <paramref name="now"/>, earliest first; each at most once.</summary>
    public void RunExpired(ulong now)
    {
        timer_list[] due;
        lock (sync)
            due = pending.Where(t => t.expires <= now).OrderBy(t => t.expires).ToArray();
        foreach (var timer in due)
        {
            Action<timer_list>? callback;
            lock (sync)
            {
                if (!timer.pending || timer.expires > now)
                    continue; // deleted or re-armed by an earlier callback
                timer.pending = false;
                pending.Remove(timer);
                timer.runningOn = Environment.CurrentManagedThreadId;
                callback = timer.callback;
            }
            try
            {
                if (callback is not null)
                    callback(timer);
            }
            finally
            {
                lock (sync)
                {
                    timer.runningOn = 0;
                    Monitor.PulseAll(sync);
                }
            }
        }
    }
}
