using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.SleepInAtomicAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM001;

/// <summary>KMEM001 between spin_lock*/local_irq_*/preempt_disable/rcu_read_lock and their release, flow-sensitively.</summary>
public sealed class RegionTests
{
    [Fact]
    public Task Allocation_under_spin_lock_irqsave_names_the_lock_and_its_line() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Filters
        {
            static readonly spinlock_t flt_lock = new();
            static readonly KPtr[] filters = new KPtr[8];
            static int nfilters;

            static int flt_add(string pattern)
            {
                ulong flags;
                spin_lock_irqsave(flt_lock, out flags);
                KPtr copy = {|#0:kstrdup(pattern, GFP_KERNEL)|};
                if (!copy) {
                    spin_unlock_irqrestore(flt_lock, flags);
                    return -ENOMEM;
                }
                filters[nfilters++] = copy;
                spin_unlock_irqrestore(flt_lock, flags);
                return 0;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kstrdup with GFP_KERNEL",
            "flt_add holds spin_lock_irqsave (taken at line 13)",
            "flt_add -> kstrdup"));

    [Fact]
    public Task Sleeping_calls_under_each_spin_lock_flavour_are_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Locks
        {
            static readonly spinlock_t a = new();
            static readonly mutex m = new();
            static KPtr p;

            static void plain() { spin_lock(a); p = {|KMEM001:kmalloc(8, GFP_KERNEL)|}; spin_unlock(a); }

            static void bh(byte[] ubuf) { spin_lock_bh(a); {|KMEM001:copy_from_user(p, ubuf, 8)|}; spin_unlock_bh(a); }

            static void irq() { spin_lock_irq(a); p = {|KMEM001:vzalloc(4096)|}; spin_unlock_irq(a); }

            static void nested() { spin_lock(a); spin_lock_bh(a); spin_unlock_bh(a); {|KMEM001:mutex_lock(m)|}; spin_unlock(a); mutex_unlock(m); }
        }
        """);

    [Fact]
    public Task Rcu_preempt_and_irq_sections_are_atomic() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Sections
        {
            static KPtr p;

            static void rcu() { rcu_read_lock(); p = {|#0:kmalloc(8, GFP_NOFS)|}; rcu_read_unlock(); }

            static void preempt() { preempt_disable(); {|KMEM001:msleep(1)|}; preempt_enable(); }

            static void irqsave() { ulong f; local_irq_save(out f); p = {|KMEM001:kzalloc(8, GFP_NOIO)|}; local_irq_restore(f); }

            static void irqoff() { local_irq_disable(); {|KMEM001:might_sleep()|}; local_irq_enable(); }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kmalloc with GFP_NOFS",
            "rcu runs after rcu_read_lock (called at line 8)",
            "rcu -> kmalloc"));

    [Fact]
    public Task Unlock_on_one_branch_only_leaves_the_merge_atomic() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Branchy
        {
            static readonly spinlock_t lk = new();
            static KPtr p;

            static void update(bool fast)
            {
                spin_lock(lk);
                if (fast)
                    spin_unlock(lk);
                p = {|KMEM001:kmalloc(64, GFP_KERNEL)|};
                if (!fast)
                    spin_unlock(lk);
            }
        }
        """);

    [Fact]
    public Task Allocation_after_unlock_or_before_lock_is_fine() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Ordered
        {
            static readonly spinlock_t lk = new();
            static KPtr slot;

            static int replace(byte[] ubuf)
            {
                ulong flags;
                KPtr fresh = kmalloc(64, GFP_KERNEL);
                if (!fresh)
                    return -ENOMEM;
                spin_lock_irqsave(lk, out flags);
                KPtr old = slot;
                slot = fresh;
                spin_unlock_irqrestore(lk, flags);
                if (copy_from_user(fresh, ubuf, 64) != 0)
                    return -EFAULT;
                kfree(old);
                KPtr log = kmalloc(16, GFP_KERNEL);
                kfree(log);
                return 0;
            }
        }
        """);

    [Fact]
    public Task Allocation_on_the_branch_that_unlocked_is_fine() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Grow
        {
            static readonly spinlock_t lk = new();
            static KPtr table;
            static int used, size;

            static int add()
            {
                spin_lock(lk);
                if (used == size) {
                    spin_unlock(lk);
                    KPtr bigger = kcalloc(size * 2, 8, GFP_KERNEL);
                    if (!bigger)
                        return -ENOMEM;
                    spin_lock(lk);
                    kfree(table);
                    table = bigger;
                    size *= 2;
                }
                used++;
                spin_unlock(lk);
                return 0;
            }
        }
        """);

    [Fact]
    public Task Unlock_in_finally_and_in_loops_ends_the_section() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Loops
        {
            static readonly spinlock_t lk = new();
            static readonly KPtr[] items = new KPtr[4];

            static void drain()
            {
                for (int i = 0; i < items.Length; i++) {
                    KPtr next = kmalloc(32, GFP_KERNEL);
                    spin_lock(lk);
                    kfree(items[i]);
                    items[i] = next;
                    spin_unlock(lk);
                }
                rcu_read_lock();
                try {
                    udelay(1);
                } finally {
                    rcu_read_unlock();
                }
                msleep(1);
            }
        }
        """);

    [Fact]
    public Task Helper_called_under_a_lock_is_atomic_with_the_chain_through_it() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Table
        {
            static readonly spinlock_t tbl_lock = new();
            static KPtr entry;

            static KPtr dup_entry(string name) => {|#0:kstrdup(name, GFP_KERNEL)|};

            static void set_name(string name)
            {
                spin_lock_bh(tbl_lock);
                kfree(entry);
                entry = dup_entry(name);
                spin_unlock_bh(tbl_lock);
            }

            static KPtr unlocked_copy(string name) => dup_entry(name);
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kstrdup with GFP_KERNEL",
            "set_name holds spin_lock_bh (taken at line 13)",
            "set_name -> dup_entry -> kstrdup"));

    [Fact]
    public Task Section_in_a_work_lambda_is_atomic_while_the_rest_of_the_lambda_is_not() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Deferred
        {
            static readonly work_struct work = new();
            static readonly spinlock_t lk = new();
            static KPtr buf;

            static void setup()
            {
                INIT_WORK(work, w =>
                {
                    KPtr fresh = kmalloc(256, GFP_KERNEL);
                    spin_lock(lk);
                    buf = fresh;
                    KPtr extra = {|KMEM001:kmalloc(16, GFP_KERNEL)|};
                    kfree(extra);
                    spin_unlock(lk);
                });
            }
        }
        """);

    [Fact]
    public Task Helper_that_drops_the_callers_lock_may_sleep_after_the_release() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Queue
        {
            static readonly spinlock_t q_lock = new();
            static KPtr pending;

            /* Called with q_lock held; releases it. */
            static void finish_and_unlock()
            {
                KPtr done = pending;
                pending = NULL;
                spin_unlock(q_lock);
                kfree(done);
                KPtr next = kmalloc(64, GFP_KERNEL);
                kfree(next);
            }

            static void complete()
            {
                spin_lock(q_lock);
                finish_and_unlock();
            }
        }
        """);
}
