using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Context;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Kmem.Analyzers.Tests.Context;

/// <summary>
/// KMEM001 asks for the whole-compilation findings only at a call that passes <see cref="SleepClassifier.MayBeFinding"/>:
/// every finding must pass it, and a handler's calls that cannot sleep must not, or the walk would bind the handlers
/// ahead of the compiler for nothing.
/// </summary>
public sealed class SleepFilterTests
{
    private const string Wrappers = """
        using Kmem;
        using static Kmem.Kernel;
        sealed class dev { public readonly spinlock_t lk = new(); public KPtr buf; public readonly uint[] regs = new uint[8]; }
        static class Helpers
        {
            public static KPtr alloc_ext(this dev d, gfp_t gfp) => kzalloc(64, gfp);
        }
        static class W
        {
            static dev the = new dev();
            static KPtr by_mask(long n, gfp_t gfp) => kmalloc(n, gfp);
            static KPtr by_default(long n, gfp_t gfp = GFP_KERNEL) => kmalloc(n, gfp);
            static KPtr by_uint(uint flags) => kmalloc(16, (gfp_t)flags);
            static KPtr by_object(object flags) => kmalloc(16, (gfp_t)flags);
            static KPtr twice(gfp_t gfp) => by_mask(8, gfp | __GFP_ZERO);
            static void nap() => msleep(1);
            static irqreturn_t a_irq(int irq, object d)
            {
                by_mask(8, GFP_KERNEL);
                by_default(8);
                by_uint((uint)GFP_KERNEL);
                by_object(GFP_KERNEL);
                twice(GFP_NOIO | __GFP_ZERO);
                the.alloc_ext(GFP_KERNEL);
                vmalloc(64);
                nap();
                return irqreturn_t.IRQ_HANDLED;
            }
            static void locked()
            {
                spin_lock(the.lk);
                kmalloc(8, GFP_KERNEL);
                schedule();
                spin_unlock(the.lk);
            }
            static int probe(int irq) => request_irq(irq, a_irq, 0, "w", the);
        }
        """;

    private const string Helpers = """
        using Kmem;
        using static Kmem.Kernel;
        sealed class hw { public readonly uint[] regs = new uint[8]; public readonly timer_list t = new(); public readonly spinlock_t lk = new(); public ulong n; }
        static class H
        {
            static hw the = new hw();
            static uint rd(hw h, uint reg) => h.regs[reg & 7];
            static void wr(hw h, uint reg, uint value) => h.regs[reg & 7] = value;
            static void count(hw h, ulong by) { spin_lock_irqsave(h.lk, out ulong flags); h.n += by; spin_unlock_irqrestore(h.lk, flags); }
            static KPtr cmd(gfp_t gfp) => kzalloc(32, gfp);
            static void watchdog(timer_list t)
            {
                wr(the, 2, rd(the, 1) & 0xff);
                count(the, rd(the, 3));
                KPtr c = cmd(GFP_ATOMIC);
                KPtr big = kmalloc(1024, GFP_ATOMIC);
                kfree(big);
                kfree(c);
                pr_info("hw: {0}\n", rd(the, 1));
                mod_timer(t, jiffies + msecs_to_jiffies(2000));
            }
            static void start() => timer_setup(the.t, watchdog, 0);
        }
        """;

    [Fact]
    public async Task Every_finding_of_the_whole_call_graph_passes_the_filter()
    {
        var (session, compilation, filter) = await Create(Wrappers);
        var findings = SleepInAtomicFindings.Of(session, new CallGraphBuilder(session).Build());

        var calls = findings.Keys.Select(key => Invocation(compilation, key)).ToArray();

        Assert.Equal(10, calls.Length);
        Assert.All(calls, call => Assert.True(filter.MayBeFinding(call, session.Contract.Of(call.TargetMethod), session), call.Syntax.ToString()));
    }

    [Fact]
    public async Task A_handler_calling_helpers_without_a_reclaiming_constant_has_no_call_that_passes()
    {
        var (session, compilation, filter) = await Create(Helpers);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var watchdog = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "watchdog");

        var calls = watchdog.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(call => (IInvocationOperation)model.GetOperation(call)!).ToArray();

        Assert.Equal(12, calls.Length);
        Assert.All(calls, call => Assert.False(filter.MayBeFinding(call, session.Contract.Of(call.TargetMethod), session), call.Syntax.ToString()));
        Assert.Empty(SleepInAtomicFindings.Of(session, new CallGraphBuilder(session).Build()));
    }

    private static IInvocationOperation Invocation(Compilation compilation, SyntaxKey key)
    {
        var call = key.Tree.GetRoot().DescendantNodes(key.Span).OfType<InvocationExpressionSyntax>().Single(node => node.Span == key.Span);
        return (IInvocationOperation)compilation.GetSemanticModel(key.Tree).GetOperation(call)!;
    }

    /// <summary>The session of the source's compilation, and the classifier KMEM001 filters calls with.</summary>
    private static async Task<(AnalysisSession Session, Compilation Compilation, SleepClassifier Filter)> Create(string source)
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("SleepFilter", source);
        var session = AnalysisSession.For(compilation)!;
        return (session, compilation, new SleepClassifier(session.Contract, new GfpEvaluator(session.Contract.Gfp)));
    }
}
