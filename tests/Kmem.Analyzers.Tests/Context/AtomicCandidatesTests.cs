using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Context;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Kmem.Analyzers.Tests.Context;

/// <summary>
/// The bodies where a KMEM001 finding may lie, from syntax alone: every finding of the whole call graph lies in one,
/// a driver's process-context bodies do not, and where syntax cannot tell every body is one.
/// </summary>
public sealed class AtomicCandidatesTests
{
    private const string Driver = """
        using Kmem;
        using static Kmem.Kernel;
        sealed class dev { public int irq; public readonly spinlock_t lk = new(); public KPtr buf; public readonly work_struct work = new(); }
        static class D
        {
            static dev the;
            static irqreturn_t a_irq(int irq, object d) { refill(GFP_KERNEL); return irqreturn_t.IRQ_HANDLED; }
            static void refill(gfp_t gfp) { the.buf = alloc(64, gfp); }
            static KPtr alloc(long n, gfp_t gfp) => kzalloc(n, gfp);
            static irqreturn_t b_irq(int irq, object d) { msleep(1); return irqreturn_t.IRQ_HANDLED; }
            static void t_fn(timer_list t) { kmalloc(8, GFP_NOIO); }
            static void cold(dev d) { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); }
            static void locked(dev d) { spin_lock(d.lk); cold(d); spin_unlock(d.lk); mutex_lock(new mutex()); }
            [Atomic]
            static void marked() { vmalloc(4096); }
            static void work_fn(work_struct w) { mutex_lock(new mutex()); KPtr p = kzalloc(8, GFP_KERNEL); kfree(p); }
            static void probe_helper() { KPtr p = alloc(8, GFP_KERNEL); kfree(p); }
            static int probe(dev d, timer_list t)
            {
                probe_helper();
                INIT_WORK(d.work, work_fn);
                timer_setup(t, t_fn, 0);
                request_irq(d.irq, a_irq, 0, "a", d);
                return request_irq(d.irq, (b_irq), 0, "b", d);
            }
        }
        """;

    [Fact]
    public async Task Every_finding_of_the_whole_graph_lies_in_a_candidate_body()
    {
        var (compilation, session) = await Create(Driver);
        var findings = SleepInAtomicFindings.Of(session, new CallGraphBuilder(session).Build());
        var candidates = AtomicCandidates.For(AnalysisSession.For(compilation.Clone())!);
        var root = compilation.SyntaxTrees.Single().GetRoot();

        Assert.Equal(5, findings.Count);
        foreach (var key in findings.Keys)
            Assert.True(candidates.MayHoldFinding(root.FindNode(key.Span)), root.FindNode(key.Span).ToString());
    }

    [Theory]
    [InlineData("work_fn", false)]
    [InlineData("probe", false)]
    [InlineData("probe_helper", false)]
    [InlineData("a_irq", true)]
    [InlineData("refill", true)]
    [InlineData("alloc", true)]
    [InlineData("t_fn", true)]
    [InlineData("cold", true)]
    [InlineData("locked", true)]
    [InlineData("marked", true)]
    public async Task Process_context_bodies_of_a_driver_are_not_candidates(string method, bool candidate)
    {
        var (compilation, session) = await Create(Driver);
        var body = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
        var call = body.DescendantNodes().OfType<InvocationExpressionSyntax>().First();

        Assert.Equal(candidate, AtomicCandidates.For(session).MayHoldFinding(call));
    }

    [Theory]
    [InlineData("irq_handler_t h = a_irq; request_irq(1, h, 0, \"v\", null);")]
    [InlineData("request_irq(1, (i, o) => irqreturn_t.IRQ_HANDLED, 0, \"l\", null);")]
    [InlineData("request_irq(1, D.a_irq, 0, \"q\", null);")]
    [InlineData("System.Func<System.Action> get = () => null; get()();")]
    public async Task Where_syntax_cannot_tell_every_body_is_a_candidate(string registration)
    {
        var source = Driver.Replace("probe_helper();\n", "probe_helper();\n        " + registration + "\n");
        var (compilation, session) = await Create(source);
        var body = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "work_fn");

        Assert.True(AtomicCandidates.For(session).MayHoldFinding(body.DescendantNodes().OfType<InvocationExpressionSyntax>().First()));
    }

    [Fact]
    public async Task A_delegate_field_invoked_in_atomic_context_makes_every_body_a_candidate()
    {
        var source = Driver.Replace("static dev the;", "static dev the; static System.Action hook;")
            .Replace("msleep(1);", "msleep(1); hook();");
        var (compilation, session) = await Create(source);
        var body = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "work_fn");

        Assert.True(AtomicCandidates.For(session).MayHoldFinding(body.DescendantNodes().OfType<InvocationExpressionSyntax>().First()));
    }

    private static async Task<(Compilation, AnalysisSession)> Create(string source)
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("Candidates", source);
        return (compilation, AnalysisSession.For(compilation)!);
    }
}
