using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.SleepInAtomicAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM001;

/// <summary>KMEM001 through the call graph: helper chains, [Atomic] and [MightSleep] methods, gfp-forwarding wrappers.</summary>
public sealed class ChainTests
{
    [Fact]
    public Task Helper_three_calls_down_is_reported_at_its_allocation_with_the_shortest_chain() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Nic
        {
            static readonly KPtr[] ring = new KPtr[8];

            static int rx_refill(int slot)
            {
                KPtr buf = {|#0:kmalloc(2048, GFP_KERNEL)|};
                if (!buf)
                    return -ENOMEM;
                ring[slot] = buf;
                return 0;
            }

            static void rx_one(int slot) { kfree(ring[slot]); rx_refill(slot); }

            static void rx_poll(int done) { for (int n = 0; n < done; n++) rx_one(n); }

            static irqreturn_t nic_isr(int irq, object dev_id) { rx_poll(4); rx_refill(0); return irqreturn_t.IRQ_HANDLED; }

            static int nic_probe(int irq)
            {
                for (int i = 0; i < 8; i++)
                    if (rx_refill(i) != 0)
                        return -ENOMEM;
                return request_irq(irq, nic_isr, 0, "nic", null);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kmalloc with GFP_KERNEL",
            "nic_isr runs in hard-IRQ context (registered by request_irq in nic_probe)",
            "nic_isr -> rx_refill -> kmalloc"));

    [Fact]
    public Task Deep_chain_names_every_call() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Deep
        {
            static readonly mutex cfg = new();

            static void apply() { {|#0:mutex_lock(cfg)|}; mutex_unlock(cfg); }
            static void reconfigure() => apply();
            static void handle_event() => reconfigure();
            static void poll(tasklet_struct t) => handle_event();

            static void init(tasklet_struct t) => tasklet_setup(t, poll);
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "mutex_lock",
            "poll runs in softirq context (registered by tasklet_setup in init)",
            "poll -> handle_event -> reconfigure -> apply -> mutex_lock"));

    [Fact]
    public Task Atomic_method_and_its_helpers_are_atomic() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Nmi
        {
            static KPtr scratch;

            static void grab() => scratch = {|#0:kmalloc(64, GFP_KERNEL)|};

            [Atomic]
            static void nmi_handler()
            {
                grab();
                {|KMEM001:cond_resched()|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kmalloc with GFP_KERNEL",
            "nmi_handler runs in atomic context (marked [Atomic])",
            "nmi_handler -> grab -> kmalloc"));

    [Fact]
    public Task MightSleep_user_method_is_reported_at_the_call_and_not_inside() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Fw
        {
            [MightSleep]
            static void fw_wait_ready() { msleep(10); }

            static irqreturn_t fw_irq(int irq, object dev)
            {
                {|#0:fw_wait_ready()|};
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq)
            {
                fw_wait_ready();
                return request_irq(irq, fw_irq, 0, "fw", null);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "fw_wait_ready",
            "fw_irq runs in hard-IRQ context (registered by request_irq in probe)",
            "fw_irq -> fw_wait_ready"));

    [Fact]
    public Task Local_function_called_from_a_handler_is_atomic() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Local
        {
            static KPtr buf;

            static irqreturn_t loc_irq(int irq, object dev)
            {
                refill();
                return irqreturn_t.IRQ_HANDLED;

                void refill() => buf = {|KMEM001:kmalloc_array(4, 64, gfp_t.GFP_KERNEL)|};
            }

            static int probe(int irq) => request_irq(irq, loc_irq, 0, "loc", null);
        }
        """);

    [Fact]
    public Task Gfp_wrapper_called_with_GFP_KERNEL_from_a_tasklet_is_reported_at_the_call() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Ctl
        {
            static readonly tasklet_struct done = new();
            static long allocated;

            static KPtr cmd_alloc(gfp_t gfp)
            {
                KPtr cmd = kzalloc(64, gfp);
                if (!!cmd)
                    allocated++;
                return cmd;
            }

            static void done_fn(tasklet_struct t)
            {
                KPtr ack = {|#0:cmd_alloc(GFP_KERNEL)|};
                kfree(ack);
            }

            static int reset()
            {
                KPtr cmd = cmd_alloc(GFP_KERNEL);
                kfree(cmd);
                return 0;
            }

            static void probe() => tasklet_setup(done, done_fn);
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "cmd_alloc with GFP_KERNEL",
            "done_fn runs in softirq context (registered by tasklet_setup in probe)",
            "done_fn -> cmd_alloc -> kzalloc"));

    [Fact]
    public Task Nested_wrappers_forward_the_mask_with_extra_bits() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Pool
        {
            static readonly timer_list refill_timer = new();
            static KPtr spare;

            static KPtr pool_get(long size, gfp_t gfp) => kmalloc(size, gfp | __GFP_NOWARN);
            static KPtr pool_get_zeroed(gfp_t flags) => pool_get(128, flags | __GFP_ZERO);

            static void refill(timer_list t)
            {
                kfree(spare);
                spare = {|#0:pool_get_zeroed(GFP_NOIO)|};
            }

            static void start() => timer_setup(refill_timer, refill, 0);
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "pool_get_zeroed with GFP_NOIO",
            "refill runs in softirq context (registered by timer_setup in start)",
            "refill -> pool_get_zeroed -> pool_get -> kmalloc"));

    [Fact]
    public Task Gfp_wrapper_called_with_GFP_ATOMIC_from_atomic_and_GFP_KERNEL_from_process_context_is_fine() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Ctl
        {
            static readonly tasklet_struct done = new();

            static KPtr cmd_alloc(gfp_t gfp) => kzalloc(64, gfp);

            static KPtr cmd_alloc_nosleep(gfp_t gfp) => kmalloc(64, gfp & ~__GFP_DIRECT_RECLAIM);

            static void done_fn(tasklet_struct t)
            {
                kfree(cmd_alloc(GFP_ATOMIC));
                kfree(cmd_alloc_nosleep(GFP_KERNEL));
            }

            static int reset()
            {
                kfree(cmd_alloc(GFP_KERNEL));
                return 0;
            }

            static void probe() => tasklet_setup(done, done_fn);
        }
        """);

    [Fact]
    public Task Helpers_called_only_from_process_context_may_sleep() => Verify.VerifyAsync("""
        using Kmem;
        using static Kmem.Kernel;

        [ModuleLicense("GPL")]
        static class Plain
        {
            static KPtr table;
            static readonly mutex tbl = new();

            [MightSleep]
            static void load_table() { mutex_lock(tbl); table = vmalloc(1 << 16); mutex_unlock(tbl); }

            static irqreturn_t quiet_irq(int irq, object dev) => irqreturn_t.IRQ_HANDLED;

            [ModuleInit]
            static int init()
            {
                load_table();
                return request_irq(3, quiet_irq, 0, "quiet", null);
            }

            [ModuleExit]
            static void exit()
            {
                free_irq(3, null);
                vfree(table);
            }
        }
        """);
}
