using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// A whole-compilation result computed once, which the threads waiting for it help compute. The first thread to
/// ask runs the computation; when that posts a batch of independent work (<see cref="ForEach{TIn,TOut}"/>:
/// binding bodies, analysing them), every other thread asking meanwhile takes items from the batch instead of
/// sleeping on a lock. The driver runs analyzer callbacks on every core: a <see cref="Lazy{T}"/> would leave
/// all but one of them idle while the first computes.
/// </summary>
internal sealed class SharedComputation<T> : IWorkSharing where T : class
{
    private readonly Func<SharedComputation<T>, T> compute;
    private readonly object gate = new();
    private IBatch? batch;
    private int started;
    private bool finished;
    private T? value;
    private ExceptionDispatchInfo? failure;

    public SharedComputation(Func<SharedComputation<T>, T> compute) => this.compute = compute;

    public T Value
    {
        get
        {
            if (!Volatile.Read(ref finished))
            {
                if (Interlocked.Exchange(ref started, 1) == 0)
                    Run();
                else
                    Help();
            }
            failure?.Throw();
            return value!;
        }
    }

    /// <summary>Runs <paramref name="work"/> on every item, on this thread and on those waiting for the result; the results in item order.</summary>
    [MethodImpl(Jit.Optimized)]
    public TOut[] ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> work)
    {
        // A single item has no one to share it with: posting it would cost the locks and the wake-ups for nothing
        // (most of KMEM007's per-field questions look at one body or none).
        if (items.Count <= 1)
            return items.Count == 0 ? Array.Empty<TOut>() : new[] { work(items[0]) };
        var posted = new Batch<TIn, TOut>(items, work);
        lock (gate)
        {
            batch = posted;
            Monitor.PulseAll(gate);
        }
        posted.Work();
        posted.Wait();
        lock (gate)
            batch = null;
        return posted.Results();
    }

    private void Run()
    {
        try
        {
            value = compute(this);
        }
        catch (Exception exception)
        {
            failure = ExceptionDispatchInfo.Capture(exception);
        }
        lock (gate)
        {
            Volatile.Write(ref finished, true);
            Monitor.PulseAll(gate);
        }
    }

    private void Help()
    {
        while (true)
        {
            IBatch current;
            lock (gate)
            {
                while (!finished && (batch is null || batch.Exhausted))
                    Monitor.Wait(gate);
                if (finished)
                    return;
                current = batch!;
            }
            current.Work();
        }
    }

    private interface IBatch
    {
        bool Exhausted { get; }

        void Work();
    }

    private sealed class Batch<TIn, TOut> : IBatch
    {
        private readonly IReadOnlyList<TIn> items;
        private readonly Func<TIn, TOut> work;
        private readonly TOut[] results;
        private readonly ManualResetEventSlim done = new(false);
        private int next = -1;
        private int remaining;
        private ExceptionDispatchInfo? failure;

        public Batch(IReadOnlyList<TIn> items, Func<TIn, TOut> work)
        {
            this.items = items;
            this.work = work;
            results = new TOut[items.Count];
            remaining = items.Count;
            if (remaining == 0)
                done.Set();
        }

        public bool Exhausted => Volatile.Read(ref next) >= items.Count - 1;

        public void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                try
                {
                    results[i] = work(items[i]);
                }
                catch (Exception exception)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(exception), null);
                }
                finally
                {
                    if (Interlocked.Decrement(ref remaining) == 0)
                        done.Set();
                }
            }
        }

        public void Wait() => done.Wait();

        public TOut[] Results()
        {
            failure?.Throw();
            return results;
        }
    }
}
