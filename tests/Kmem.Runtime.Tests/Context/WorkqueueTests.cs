using System;
using System.Threading;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Context;

public class WorkqueueTests
{
    [Fact]
    public void Work_runs_on_a_worker_thread_in_process_context_of_the_same_machine()
    {
        using var m = Machine.Boot(new MachineOptions());
        var work = new work_struct();
        (int thread, bool atomic, Machine machine)? seen = null;
        INIT_WORK(work, _ => { msleep(5); seen = (Environment.CurrentManagedThreadId, in_atomic(), Machine.Current); });

        Assert.True(schedule_work(work));
        flush_work(work);

        Assert.NotNull(seen);
        Assert.NotEqual(Environment.CurrentManagedThreadId, seen.Value.thread);
        Assert.False(seen.Value.atomic);
        Assert.Same(m, seen.Value.machine);
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void Work_items_run_concurrently_on_several_workers()
    {
        using var m = Machine.Boot(new MachineOptions { WorkerThreads = 2 });
        using var bothRunning = new Barrier(2);
        var works = new[] { new work_struct(), new work_struct() };
        var reached = new bool[2];
        for (int i = 0; i < 2; i++)
        {
            int index = i;
            INIT_WORK(works[i], _ => reached[index] = bothRunning.SignalAndWait(TimeSpan.FromSeconds(30)));
        }

        foreach (var w in works)
            schedule_work(w);
        foreach (var w in works)
            flush_work(w);

        Assert.Equal([true, true], reached);
    }

    [Fact]
    public void A_queued_item_is_not_queued_twice_and_can_be_cancelled()
    {
        using var m = Machine.Boot(new MachineOptions { WorkerThreads = 1 });
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var blocker = new work_struct();
        var victim = new work_struct();
        int victimRuns = 0;
        INIT_WORK(blocker, _ => { started.Set(); release.Wait(); });
        INIT_WORK(victim, _ => victimRuns++);

        schedule_work(blocker);
        started.Wait();
        Assert.True(schedule_work(victim));
        Assert.False(schedule_work(victim));
        Assert.True(cancel_work_sync(victim));
        release.Set();
        flush_work(blocker);

        Assert.Equal(0, victimRuns);
        Assert.False(cancel_work_sync(victim));
    }

    [Fact]
    public void Flushing_from_atomic_context_is_reported()
    {
        using var m = Machine.Boot(new MachineOptions());
        var work = new work_struct();
        INIT_WORK(work, _ => { });
        var lk = new spinlock_t();
        spin_lock(lk);
        flush_work(work);
        spin_unlock(lk);
        Assert.Equal("BUG: sleeping function called from invalid context at flush_work", Assert.Single(m.Reports).Message);
    }

    [Fact]
    public void An_exception_in_a_work_item_is_an_oops_not_a_crash()
    {
        using var m = Machine.Boot(new MachineOptions());
        var work = new work_struct();
        INIT_WORK(work, _ => throw new InvalidOperationException("boom"));
        schedule_work(work);
        flush_work(work);
        var report = Assert.Single(m.Reports);
        Assert.Equal(KernelReportKind.Oops, report.Kind);
        Assert.Contains("boom", report.Message);
    }
}
