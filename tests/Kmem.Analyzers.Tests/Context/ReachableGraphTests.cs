using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Context;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Context;

/// <summary>KMEM001 builds only the part of the call graph atomic context can reach: its findings are those of the whole graph.</summary>
public sealed class ReachableGraphTests
{
    private const string Source = """
        using Kmem;
        using static Kmem.Kernel;
        sealed class dev { public int irq; public readonly spinlock_t lk = new(); public KPtr buf; }
        static class D
        {
            static irq_handler_t stored;
            static dev the;
            static irqreturn_t a_irq(int irq, object d) { refill(GFP_KERNEL); return irqreturn_t.IRQ_HANDLED; }
            static irqreturn_t b_irq(int irq, object d) { msleep(1); return irqreturn_t.IRQ_HANDLED; }
            static void refill(gfp_t gfp) { the.buf = alloc(64, gfp); }
            static KPtr alloc(long n, gfp_t gfp) => kzalloc(n, gfp);
            static void unlock_helper(dev d) { spin_unlock(d.lk); }
            static void cold(dev d) { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); }
            static void setup() { stored = b_irq; }
            [Atomic]
            static void marked() { vmalloc(4096); }
            static void locked(dev d)
            {
                spin_lock(d.lk);
                cold(d);
                unlock_helper(d);
                mutex_lock(new mutex());
            }
            static int probe(dev d)
            {
                irq_handler_t h = d.irq > 0 ? a_irq : stored;
                return request_irq(d.irq, h, 0, "d", d);
            }
            // Registrations read from symbols alone: the registering bodies are not walked.
            static irqreturn_t c_irq(int irq, object d) { helper_of_c(); return irqreturn_t.IRQ_HANDLED; }
            static void helper_of_c() { refill(GFP_KERNEL | __GFP_ZERO); }
            static irqreturn_t e_irq(int irq, object d) { vmalloc(64); return irqreturn_t.IRQ_HANDLED; }
            static void t_fn(timer_list t) { kmalloc(8, GFP_NOIO); }
            static void probe_helper() { KPtr p = alloc(8, GFP_KERNEL); kfree(p); }
            static int probe2(dev d, timer_list t)
            {
                probe_helper();
                timer_setup(t, t_fn, 0);
                request_threaded_irq(d.irq, null, null, 0, "n", d);
                return request_irq(dev: d, name: "e", flags: 0, handler: e_irq, irq: d.irq) + request_irq(d.irq, (c_irq), 0, "c", d);
            }
            // A timer's register helpers: nothing below them sleeps, forwards a mask or releases a lock.
            static readonly uint[] regs = new uint[4];
            static uint rd(uint r) => regs[r & 3];
            static void wr(uint r, uint v) { regs[r & 3] = v; }
            static void kick() { wr(0, rd(1) | 1); }
            static void slow_kick() { kick(); msleep(1); }
            static void w_fn(timer_list t) { kick(); slow_kick(); }
            static void probe4(timer_list t) { timer_setup(t, w_fn, 0); }
            // Registrations only the bound body can tell: a lambda handler, a call inside a lambda, a local function handler.
            static void probe3(dev d)
            {
                request_irq(1, (i, o) => { msleep(2); return irqreturn_t.IRQ_HANDLED; }, 0, "l", d);
                System.Action later = () => request_irq(2, b_irq, 0, "later", d);
                irqreturn_t local_irq(int i, object o) { schedule(); return irqreturn_t.IRQ_HANDLED; }
                request_irq(3, local_irq, 0, "local", d);
            }
        }
        """;

    [Fact]
    public async Task Reachable_graph_gives_the_findings_of_the_whole_graph()
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("Reachable", Source);

        var whole = Findings(AnalysisSession.For(compilation)!, reachable: false);
        var reachable = Findings(AnalysisSession.For(compilation.Clone())!, reachable: true);

        Assert.NotEmpty(whole);
        Assert.Equal(whole, reachable);
        Assert.Contains(whole, f => f.Contains("b_irq") && f.Contains("msleep"));
        Assert.Contains(whole, f => f.Contains("a_irq -> refill -> alloc -> kzalloc"));
        Assert.Contains(whole, f => f.Contains("c_irq -> helper_of_c -> refill -> alloc -> kzalloc"));
        Assert.Contains(whole, f => f.Contains("registered by request_irq in probe2") && f.Contains("vmalloc"));
        Assert.Contains(whole, f => f.Contains("t_fn runs in softirq context (registered by timer_setup in probe2)"));
        Assert.Contains(whole, f => f.Contains("lambda in probe3") && f.Contains("msleep"));
        Assert.Contains(whole, f => f.Contains("local_irq") && f.Contains("schedule"));
        Assert.DoesNotContain(whole, f => f.Contains("probe_helper"));
        Assert.Contains(whole, f => f.Contains("w_fn -> slow_kick -> msleep"));
    }

    [Fact]
    public async Task Bodies_that_only_register_a_named_handler_call_helpers_outside_atomic_context_or_cannot_sleep_are_not_walked()
    {
        var compilation = await KmemCompilationFactory.CreateAsync("Reachable", new[] { new SourceFile("/0/Test0.cs", Source) }, withKmemRuntime: true);
        var graph = ReachableWalk.Build(AnalysisSession.For(compilation)!);
        var type = compilation.GetTypeByMetadataName("D")!;
        bool Walked(string name) => graph.Find((Microsoft.CodeAnalysis.IMethodSymbol)type.GetMembers(name).Single()) is not null;

        Assert.False(Walked("probe2"));
        Assert.False(Walked("probe_helper"));
        Assert.True(Walked("cold"));
        Assert.True(Walked("probe"));
        Assert.True(Walked("probe3"));
        Assert.True(Walked("c_irq"));
        Assert.True(Walked("helper_of_c"));
        Assert.True(Walked("alloc"));
        Assert.True(Walked("unlock_helper"));
        Assert.True(Walked("w_fn"));
        Assert.True(Walked("slow_kick"));
        Assert.False(Walked("kick"));
        Assert.False(Walked("rd"));
        Assert.False(Walked("wr"));
    }

    private static string[] Findings(AnalysisSession session, bool reachable)
    {
        var graph = reachable ? ReachableWalk.Build(session) : new CallGraphBuilder(session).Build();
        return SleepInAtomicFindings.Of(session, graph)
            .Select(f => $"{f.Key.Span.Start}: {f.Value.What} | {f.Value.Why} | {f.Value.Chain}")
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToArray();
    }
}
