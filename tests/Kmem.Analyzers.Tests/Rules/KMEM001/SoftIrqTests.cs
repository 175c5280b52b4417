using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.SleepInAtomicAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM001;

/// <summary>KMEM001 in timer and tasklet callbacks (softirq) and workqueue handlers (process context).</summary>
public sealed class SoftIrqTests
{
    [Fact]
    public Task Timer_callback_allocating_with_GFP_KERNEL_is_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Watchdog
        {
            static readonly timer_list wd_timer = new();
            static KPtr last_report;

            static void wd_fire(timer_list t)
            {
                kfree(last_report);
                last_report = {|#0:alloc_pages(GFP_USER, 0)|} is { } pg ? page_address(pg) : NULL;
                mod_timer(wd_timer, (ulong)jiffies + HZ);
            }

            static int wd_start()
            {
                timer_setup(wd_timer, wd_fire, 0);
                return mod_timer(wd_timer, (ulong)jiffies + HZ);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "alloc_pages with GFP_USER",
            "wd_fire runs in softirq context (registered by timer_setup in wd_start)",
            "wd_fire -> alloc_pages"));

    [Fact]
    public Task Tasklet_callback_that_sleeps_is_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Completion
        {
            static readonly tasklet_struct done = new();

            static void done_fn(tasklet_struct t)
            {
                {|KMEM001:msleep(2)|};
                {|KMEM001:schedule()|};
            }

            static void setup() => tasklet_setup(done, done_fn);
        }
        """);

    [Fact]
    public Task Timer_lambda_using_kvmalloc_with_GFP_KERNEL_is_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Poller
        {
            static readonly timer_list poll_timer = new();
            static KPtr table;

            static void start()
            {
                timer_setup(poll_timer, t =>
                {
                    kvfree(table);
                    table = {|KMEM001:kvmalloc(1 << 16, GFP_KERNEL)|};
                }, 0);
            }
        }
        """);

    [Fact]
    public Task Workqueue_handler_may_sleep() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Flusher
        {
            static readonly work_struct flush = new();
            static readonly mutex flush_lock = new();
            static KPtr staging;

            static void flush_fn(work_struct w)
            {
                mutex_lock(flush_lock);
                staging = vmalloc(1 << 20);
                msleep(20);
                vfree(staging);
                mutex_unlock(flush_lock);
            }

            static void setup()
            {
                INIT_WORK(flush, flush_fn);
                schedule_work(flush);
            }
        }
        """);

    [Fact]
    public Task Timer_callback_with_non_sleeping_masks_is_fine() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Sampler
        {
            static readonly timer_list sample_timer = new();
            static readonly spinlock_t ring_lock = new();
            static KPtr ring;

            static void sample(timer_list t)
            {
                KPtr rec = kmalloc(32, GFP_NOWAIT | __GFP_NOWARN);
                KPtr spare = kzalloc(32, GFP_ATOMIC);
                spin_lock(ring_lock);
                kfree(ring);
                ring = rec;
                spin_unlock(ring_lock);
                kfree(spare);
                mod_timer(sample_timer, (ulong)jiffies + 10);
            }

            static void start() => timer_setup(sample_timer, sample, 0);
        }
        """);

    [Fact]
    public Task Sleeping_function_reachable_from_two_roots_is_reported_once() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Shared
        {
            static readonly timer_list retry_timer = new();
            static readonly tasklet_struct kick = new();
            static KPtr cmd;

            static void requeue()
            {
                kfree(cmd);
                cmd = {|KMEM001:kmalloc(128, GFP_KERNEL)|};
            }

            static void retry(timer_list t) => requeue();

            static void kick_fn(tasklet_struct t) => requeue();

            static irqreturn_t cmd_irq(int irq, object dev) { requeue(); return irqreturn_t.IRQ_HANDLED; }

            static int setup(int irq)
            {
                timer_setup(retry_timer, retry, 0);
                tasklet_setup(kick, kick_fn);
                return request_irq(irq, cmd_irq, 0, "cmd", null);
            }
        }
        """);
}
