using System;
using System.Threading;

namespace Kmem;

/// <summary>
/// Lets an allocation that may sleep wait until another thread frees memory. A generation counter
/// bumped on every free closes the gap between a failed attempt and the start of the wait.
/// </summary>
internal sealed class ReclaimWait
{
    private readonly object signal = new();
    private long generation;
    private int waiters;

    /// <summary>The number of threads waiting for memory now.</summary>
    public int Waiters => Volatile.Read(ref waiters);

    /// <summary>Read before an attempt; pass to <see cref="WaitForFree"/> if the attempt fails.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Waits until memory was freed after <paramref name="seenGeneration"/>, or the timeout passes.</summary>
    public void WaitForFree(long seenGeneration, TimeSpan timeout)
    {
        lock (signal)
        {
            Interlocked.Increment(ref waiters);
            try
            {
                if (Interlocked.Read(ref generation) == seenGeneration)
                    Monitor.Wait(signal, timeout);
            }
            finally
            {
                Interlocked.Decrement(ref waiters);
            }
        }
    }

    public void NotifyFreed()
    {
        Interlocked.Increment(ref generation);
        if (Volatile.Read(ref waiters) > 0)
        {
            lock (signal)
                Monitor.PulseAll(signal);
        }
    }
}
