using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Session;

/// <summary>A whole-compilation result that the threads waiting for it help compute.</summary>
public sealed class SharedComputationTests
{
    private const int Askers = 4;

    [Fact]
    public async Task Computes_once_and_every_item_once_for_all_askers()
    {
        var runs = 0;
        var calls = new int[100];
        var shared = new SharedComputation<int[]>(work =>
        {
            Interlocked.Increment(ref runs);
            return work.ForEach(Enumerable.Range(0, calls.Length).ToList(), i => { Interlocked.Increment(ref calls[i]); return i * i; });
        });

        var results = await AskTogether(shared);

        Assert.Equal(1, runs);
        Assert.All(calls, count => Assert.Equal(1, count));
        Assert.All(results, result => Assert.Same(results[0], result));
        Assert.Equal(Enumerable.Range(0, calls.Length).Select(i => i * i), results[0]);
    }

    [Fact]
    public async Task Threads_waiting_for_the_result_take_items_of_the_batch()
    {
        var threads = new ConcurrentDictionary<int, bool>();
        using var helped = new ManualResetEventSlim(false);
        var shared = new SharedComputation<string>(work =>
        {
            work.ForEach(Enumerable.Range(0, 8).ToList(), i =>
            {
                threads[Environment.CurrentManagedThreadId] = true;
                if (i == 0)
                    helped.Wait(TimeSpan.FromSeconds(30)); // only another thread can take the other items meanwhile
                else
                    helped.Set();
                return i;
            });
            return "done";
        });

        var results = await AskTogether(shared);

        Assert.True(helped.IsSet);
        Assert.True(threads.Count > 1);
        Assert.All(results, result => Assert.Equal("done", result));
    }

    [Fact]
    public async Task A_failing_item_fails_every_asker()
    {
        var shared = new SharedComputation<int[]>(work =>
            work.ForEach(Enumerable.Range(0, 10).ToList(), i => i == 7 ? throw new InvalidOperationException("item 7") : i));

        var failures = await Task.WhenAll(Enumerable.Range(0, Askers)
            .Select(_ => Task.Run(() => Assert.Throws<InvalidOperationException>(() => shared.Value))));

        Assert.All(failures, failure => Assert.Equal("item 7", failure.Message));
    }

    [Fact]
    public async Task An_empty_batch_completes()
    {
        var shared = new SharedComputation<int[]>(work => work.ForEach(Array.Empty<int>(), i => i));

        Assert.Empty((await AskTogether(shared))[0]);
    }

    /// <summary>Asks from several threads at once (each its own thread, so that none waits for a pool thread).</summary>
    private static async Task<T[]> AskTogether<T>(SharedComputation<T> shared) where T : class
    {
        using var start = new Barrier(Askers);
        return await Task.WhenAll(Enumerable.Range(0, Askers)
            .Select(_ => Task.Factory.StartNew(() => { start.SignalAndWait(); return shared.Value; }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
    }
}
