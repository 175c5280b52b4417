using System.Linq;
using System.Threading;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Context;

public class LockTests
{
    [Fact]
    public void A_spinlock_gives_mutual_exclusion_between_threads()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock_init(lk);
        int counter = 0;
        const int threads = 4, rounds = 20_000;
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < rounds; i++)
            {
                spin_lock(lk);
                int seen = counter; // a read-modify-write that only the lock protects
                counter = seen + 1;
                spin_unlock(lk);
            }
        })).ToArray();
        foreach (var t in workers) t.Start();
        foreach (var t in workers) t.Join();

        Assert.Equal(threads * rounds, counter);
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void spin_trylock_fails_while_another_thread_holds_the_lock()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock(lk);
        int other = -1;
        var t = new Thread(() => other = spin_trylock(lk));
        t.Start();
        t.Join();
        spin_unlock(lk);

        Assert.Equal(0, other);
        Assert.Equal(1, spin_trylock(lk));
        Assert.True(in_atomic());
        spin_unlock(lk);
        Assert.False(in_atomic());
    }

    [Fact]
    public void mutex_lock_blocks_until_the_holder_unlocks()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new mutex();
        mutex_init(lk);
        int shared = 0, seenByWaiter = -1;
        using var waiterStarted = new ManualResetEventSlim();
        mutex_lock(lk);
        var waiter = new Thread(() =>
        {
            waiterStarted.Set();
            mutex_lock(lk);
            seenByWaiter = shared;
            mutex_unlock(lk);
        });
        waiter.Start();
        waiterStarted.Wait();
        Assert.Equal(0, mutex_trylock(lk));
        shared = 1;
        mutex_unlock(lk);
        waiter.Join();

        Assert.Equal(1, seenByWaiter);
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void Unlocking_a_mutex_held_by_another_thread_is_reported()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new mutex();
        var t = new Thread(() => mutex_lock(lk));
        t.Start();
        t.Join();
        mutex_unlock(lk);
        mutex_unlock(lk);

        Assert.Collection(m.Reports,
            r => Assert.Equal("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)", r.Message),
            r => Assert.Equal("WARNING: bad unlock balance detected!", r.Message));
    }

    [Fact]
    public void Taking_a_mutex_twice_is_refused_instead_of_deadlocking()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new mutex();
        mutex_lock(lk);
        var e = Assert.Throws<KernelBugException>(() => mutex_lock(lk));
        mutex_unlock(lk);
        Assert.Equal(KernelReportKind.RecursiveLocking, e.Report.Kind);
    }
}
