using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kmem.Analyzers.Tests.Context;

/// <summary>The whole-compilation call graph: nodes, calls, callback registrations and delegate bindings.</summary>
public sealed class CallGraphTests
{
    [Fact]
    public async Task Calls_in_a_lambda_belong_to_the_lambda_not_to_the_method_that_writes_it()
    {
        var fixture = await ContextFixture.CreateAsync("""
            using Kmem;
            using static Kmem.Kernel;
            static class D
            {
                static void setup(work_struct w)
                {
                    printk("setup\n");
                    INIT_WORK(w, x => msleep(1));
                }
            }
            """);

        Assert.Equal(new[] { "printk", "INIT_WORK" }, fixture.Node("setup").Calls.Select(c => c.Target.Name));
        Assert.Equal(new[] { "msleep" }, fixture.Node("lambda in setup").Calls.Select(c => c.Target.Name));
        Assert.Empty(fixture.Graph.Registrations);
    }

    [Fact]
    public async Task Atomic_registrations_resolve_through_fields_and_locals()
    {
        var fixture = await ContextFixture.CreateAsync("""
            using Kmem;
            using static Kmem.Kernel;
            static class D
            {
                static irq_handler_t stored = a_irq;
                static irqreturn_t a_irq(int irq, object dev) => irqreturn_t.IRQ_HANDLED;
                static irqreturn_t b_irq(int irq, object dev) => irqreturn_t.IRQ_HANDLED;
                static irqreturn_t t_fn(int irq, object dev) => irqreturn_t.IRQ_HANDLED;
                static void probe(bool second)
                {
                    irq_handler_t local = second ? b_irq : stored;
                    request_irq(1, local, 0, "d", null);
                    request_threaded_irq(2, null, t_fn, 0, "t", null);
                }
            }
            """);

        var registration = Assert.Single(fixture.Graph.Registrations);
        Assert.Equal("request_irq", registration.Api);
        Assert.Equal("probe", registration.Registrar);
        Assert.Equal(new[] { "b_irq", "a_irq" }, registration.Handlers(fixture.Graph.Bindings).Select(m => m.Name));
    }

    [Fact]
    public async Task Calls_inside_sections_know_their_section_and_callees_their_node()
    {
        var fixture = await ContextFixture.CreateAsync("""
            using Kmem;
            using static Kmem.Kernel;
            static class D
            {
                static readonly spinlock_t lk = new();
                static void helper() => udelay(1);
                static void f()
                {
                    helper();
                    spin_lock(lk);
                    helper();
                    spin_unlock(lk);
                }
            }
            """);

        var calls = fixture.Node("f").Calls;
        Assert.Equal(new[] { false, false, true, true }, calls.Select(c => c.Section is not null));
        Assert.Equal("spin_lock", calls[2].Section!.Entry.Name);
        Assert.Same(fixture.Node("helper"), calls[0].Callee);
        Assert.Null(calls[1].Callee);
    }
}
