using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.CodeFixes;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.SleepInAtomicAnalyzer, Kmem.CodeFixes.SleepInAtomicCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM001;

/// <summary>The KMEM001 fix: reclaiming masks become GFP_ATOMIC, other bits kept; no fix where none is safe.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task GFP_KERNEL_becomes_GFP_ATOMIC_keeping_the_other_bits_and_the_spelling() => Verify.VerifyFixAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Rx
        {
            static KPtr a, b, c, d;

            static irqreturn_t rx_irq(int irq, object dev)
            {
                a = {|KMEM001:kmalloc(64, GFP_KERNEL)|};
                b = {|KMEM001:kzalloc(64, GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN)|};
                c = {|KMEM001:kmalloc(64, gfp_t.GFP_NOFS)|};
                d = {|KMEM001:kmalloc(64, Kernel.GFP_USER | gfp_t.__GFP_ZERO)|};
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, rx_irq, 0, "rx", null);
        }
        """, """
        using Kmem;
        using static Kmem.Kernel;

        static class Rx
        {
            static KPtr a, b, c, d;

            static irqreturn_t rx_irq(int irq, object dev)
            {
                a = kmalloc(64, GFP_ATOMIC);
                b = kzalloc(64, GFP_ATOMIC | __GFP_ZERO | __GFP_NOWARN);
                c = kmalloc(64, gfp_t.GFP_ATOMIC);
                d = kmalloc(64, Kernel.GFP_ATOMIC | gfp_t.__GFP_ZERO);
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, rx_irq, 0, "rx", null);
        }
        """);

    [Fact]
    public Task Wrapper_call_gets_GFP_ATOMIC_at_the_constant() => Verify.VerifyFixAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class Ctl
        {
            static KPtr cmd_alloc(gfp_t gfp) => kzalloc(64, gfp);

            static void done_fn(tasklet_struct t) => kfree({|KMEM001:cmd_alloc(GFP_KERNEL)|});

            static void probe(tasklet_struct t) => tasklet_setup(t, done_fn);
        }
        """, """
        using Kmem;
        using static Kmem.Kernel;

        static class Ctl
        {
            static KPtr cmd_alloc(gfp_t gfp) => kzalloc(64, gfp);

            static void done_fn(tasklet_struct t) => kfree(cmd_alloc(GFP_ATOMIC));

            static void probe(tasklet_struct t) => tasklet_setup(t, done_fn);
        }
        """);

    [Fact]
    public Task No_fix_for_calls_that_sleep_whatever_the_mask() => Verify.VerifyNoFixAsync("""
        using Kmem;
        using static Kmem.Kernel;

        static class NoFix
        {
            static readonly mutex m = new();
            static KPtr p;

            static irqreturn_t bad_irq(int irq, object dev)
            {
                p = {|KMEM001:vmalloc(4096)|};
                {|KMEM001:mutex_lock(m)|};
                mutex_unlock(m);
                {|KMEM001:copy_from_user(p, new byte[4], 4)|};
                p = {|KMEM001:kmalloc(8, __GFP_DIRECT_RECLAIM)|};
                p = {|KMEM001:kmalloc(8, (gfp_t)0xCC0)|};
                return irqreturn_t.IRQ_HANDLED;
            }

            static int probe(int irq) => request_irq(irq, bad_irq, 0, "bad", null);
        }
        """);

    [Fact]
    public async Task Fix_all_rewrites_every_document_of_the_solution()
    {
        var test = new KmemCodeFixTest<SleepInAtomicAnalyzer, SleepInAtomicCodeFix>();
        test.TestState.Sources.Add(("Timer.cs", """
            using Kmem;
            using static Kmem.Kernel;

            static class Timer
            {
                static KPtr rec;

                static void tick(timer_list t)
                {
                    kfree(rec);
                    rec = {|KMEM001:kmalloc(32, GFP_KERNEL)|};
                    Helpers.log_sample();
                }

                static void start(timer_list t) => timer_setup(t, tick, 0);
            }
            """));
        test.TestState.Sources.Add(("Helpers.cs", """
            using Kmem;
            using static Kmem.Kernel;

            static class Helpers
            {
                static KPtr log;

                public static void log_sample()
                {
                    kfree(log);
                    log = {|KMEM001:kzalloc(16, GFP_NOFS | __GFP_NOWARN)|};
                }
            }
            """));
        test.FixedState.Sources.Add(("Timer.cs", """
            using Kmem;
            using static Kmem.Kernel;

            static class Timer
            {
                static KPtr rec;

                static void tick(timer_list t)
                {
                    kfree(rec);
                    rec = kmalloc(32, GFP_ATOMIC);
                    Helpers.log_sample();
                }

                static void start(timer_list t) => timer_setup(t, tick, 0);
            }
            """));
        test.FixedState.Sources.Add(("Helpers.cs", """
            using Kmem;
            using static Kmem.Kernel;

            static class Helpers
            {
                static KPtr log;

                public static void log_sample()
                {
                    kfree(log);
                    log = kzalloc(16, GFP_ATOMIC | __GFP_NOWARN);
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }
}
