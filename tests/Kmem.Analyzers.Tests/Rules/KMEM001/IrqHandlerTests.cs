using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.SleepInAtomicAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM001;

/// <summary>KMEM001 in interrupt handlers: registered as a method group, a lambda or a delegate variable; threaded handlers.</summary>
public sealed class IrqHandlerTests
{
    [Fact]
    public Task Handler_method_group_allocating_with_GFP_KERNEL_is_reported_with_its_chain() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class RxDriver
        {
            static irqreturn_t rx_irq(int irq, object dev_id)
            {
                KPtr rec = {|#0:kmalloc(64, GFP_KERNEL)|};
                if (!rec)
                    return irqreturn_t.IRQ_NONE;
                kfree(rec);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, rx_irq, 0, "rx", null);
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kmalloc with GFP_KERNEL",
            "rx_irq runs in hard-IRQ context (registered by request_irq in probe)",
            "rx_irq -> kmalloc"));

    [Fact]
    public Task Handler_lambda_is_reported_and_named_after_its_method() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class LambdaDriver
        {
            static KPtr last;

            static int probe(int irq)
            {
                return request_irq(irq, (n, dev) =>
                {
                    last = {|#0:kzalloc(32, GFP_KERNEL)|};
                    return irqreturn_t.IRQ_HANDLED;
                }, 0, "lambda", null);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kzalloc with GFP_KERNEL",
            "lambda in probe runs in hard-IRQ context (registered by request_irq in probe)",
            "lambda in probe -> kzalloc"));

    [Fact]
    public Task Handler_in_a_delegate_local_is_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class LocalDriver
        {
            static readonly mutex cfg_lock = new();

            static irqreturn_t cfg_irq(int irq, object dev_id)
            {
                {|KMEM001:mutex_lock(cfg_lock)|};
                mutex_unlock(cfg_lock);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq)
            {
                irq_handler_t handler = cfg_irq;
                return request_irq(irq, handler, IRQF_SHARED, "cfg", null);
            }
        }
        """);

    [Fact]
    public Task Handler_in_a_static_field_is_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class FieldDriver
        {
            static readonly irq_handler_t handler = status_irq;

            static irqreturn_t status_irq(int irq, object dev_id)
            {
                {|KMEM001:msleep(1)|};
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, handler, 0, "status", null);
        }
        """);

    [Fact]
    public Task Handler_in_an_instance_field_assigned_in_probe_is_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        sealed class port_dev
        {
            public irq_handler_t handler;
            public int irq;
        }

        static class PortDriver
        {
            static irqreturn_t port_irq(int irq, object dev_id)
            {
                byte[] ubuf = new byte[8];
                KPtr buf = kmalloc(8, GFP_ATOMIC);
                if (!buf)
                    return irqreturn_t.IRQ_NONE;
                {|KMEM001:copy_from_user(buf, ubuf, 8)|};
                kfree(buf);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(port_dev dev)
            {
                dev.handler = port_irq;
                return request_irq(dev.irq, dev.handler, 0, "port", dev);
            }
        }
        """);

    [Fact]
    public Task Primary_handler_of_a_threaded_irq_is_atomic() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class ThreadedDriver
        {
            static irqreturn_t quick_check(int irq, object dev_id)
            {
                KPtr snap = {|KMEM001:vmalloc(4096)|};
                vfree(snap);
                return irqreturn_t.IRQ_WAKE_THREAD;
            }

            static irqreturn_t slow_work(int irq, object dev_id) => irqreturn_t.IRQ_HANDLED;

            static int probe(int irq) => request_threaded_irq(irq, quick_check, slow_work, IRQF_ONESHOT, "thr", null);
        }
        """);

    [Fact]
    public Task Thread_fn_of_a_threaded_irq_may_sleep() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class ThreadedDriver
        {
            static readonly mutex io_lock = new();
            static KPtr frame;

            static irqreturn_t quick_check(int irq, object dev_id) => irqreturn_t.IRQ_WAKE_THREAD;

            static irqreturn_t slow_work(int irq, object dev_id)
            {
                mutex_lock(io_lock);
                frame = kmalloc(2048, GFP_KERNEL);
                msleep(5);
                mutex_unlock(io_lock);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_threaded_irq(irq, quick_check, slow_work, IRQF_ONESHOT, "thr", null);
        }
        """);

    [Fact]
    public Task Handler_allocating_with_GFP_ATOMIC_and_busy_waiting_is_fine() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class AtomicDriver
        {
            static readonly spinlock_t lk = new();
            static KPtr last;

            static irqreturn_t tx_irq(int irq, object dev_id)
            {
                KPtr rec = kmalloc(64, GFP_ATOMIC);
                KPtr page = (KPtr)__get_free_page(GFP_NOWAIT | __GFP_ZERO);
                udelay(10);
                spin_lock(lk);
                last = rec;
                spin_unlock(lk);
                free_page((ulong)page);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, tx_irq, 0, "tx", null);
        }
        """);

    [Fact]
    public Task Unknown_mask_chosen_at_run_time_is_not_reported() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class ChooserDriver
        {
            static irqreturn_t evt_irq(int irq, object dev_id)
            {
                gfp_t gfp = in_interrupt() ? GFP_ATOMIC : GFP_KERNEL;
                KPtr rec = kmalloc(16, gfp);
                kfree(rec);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, evt_irq, 0, "evt", null);
        }
        """);

    [Fact]
    public Task Work_lambda_written_inside_a_handler_runs_in_process_context() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class DeferDriver
        {
            static readonly work_struct work = new();
            static KPtr blob;

            static irqreturn_t defer_irq(int irq, object dev_id)
            {
                INIT_WORK(work, w => { blob = vzalloc(1 << 20); msleep(10); });
                schedule_work(work);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, defer_irq, 0, "defer", null);
        }
        """);

    [Fact]
    public Task Registering_a_handler_does_not_make_probe_atomic() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class ProbeDriver
        {
            static KPtr regs;

            static irqreturn_t p_irq(int irq, object dev_id) => irqreturn_t.IRQ_HANDLED;

            static int probe(int irq)
            {
                regs = kzalloc(256, GFP_KERNEL);
                if (!regs)
                    return -ENOMEM;
                int ret = request_irq(irq, p_irq, 0, "p", null);
                if (ret != 0)
                    kfree(regs);
                return ret;
            }
        }
        """);
}
