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
        }
        """;

    [Fact]
    public async Task Reachable_graph_gives_the_findings_of_the_whole_graph()
    {
        var compilation = await KmemCompilationFactory.CreateAsync("Reachable", new[] { new SourceFile("/0/Test0.cs", Source) }, withKmemRuntime: true);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var whole = Findings(AnalysisSession.For(compilation)!, reachable: false);
        var reachable = Findings(AnalysisSession.For(compilation.Clone())!, reachable: true);

        Assert.NotEmpty(whole);
        Assert.Equal(whole, reachable);
        Assert.Contains(whole, f => f.Contains("b_irq") && f.Contains("msleep"));
        Assert.Contains(whole, f => f.Contains("a_irq -> refill -> alloc -> kzalloc"));
    }

    private static string[] Findings(AnalysisSession session, bool reachable)
    {
        var builder = new CallGraphBuilder(session);
        var graph = reachable ? builder.BuildReachable() : builder.Build();
        return SleepInAtomicFindings.Of(session, graph)
            .Select(f => $"{f.Key.Span.Start}: {f.Value.What} | {f.Value.Why} | {f.Value.Chain}")
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToArray();
    }
}
