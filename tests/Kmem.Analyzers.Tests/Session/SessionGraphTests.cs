using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Kmem.Analyzers.Tests.Session;

/// <summary>
/// What the session keeps of the graphs: a method body's graph only while the driver's thread hands that body to the
/// rules, a lambda's or local function's for the compilation; a graph built for a cross-method question is not kept.
/// </summary>
public sealed class SessionGraphTests
{
    private const string Source = """
        using Kmem;
        using static Kmem.Kernel;

        static class Driver
        {
            static KPtr Alloc() => kmalloc(64, GFP_KERNEL);

            static void Free(KPtr p) => kfree(p);

            static void Run()
            {
                KPtr Local() => kmalloc(32, GFP_KERNEL);
                kfree(Local());
            }
        }
        """;

    [Fact]
    public async Task A_method_body_graph_is_kept_by_the_thread_it_was_handed_to_until_that_thread_takes_another_body()
    {
        var (session, alloc, free, _) = await Create();
        var graph = session.Graph(alloc)!;

        Assert.Same(graph, session.Share(alloc, graph));
        Assert.Same(graph, session.SharedGraph(alloc));
        Assert.Null(OnAnotherThread(() => session.SharedGraph(alloc)));

        session.Share(free, session.Graph(free)!);
        Assert.Null(session.SharedGraph(alloc));
    }

    [Fact]
    public async Task A_graph_built_for_a_question_is_not_kept()
    {
        var (session, alloc, _, _) = await Create();

        var first = session.Graph(alloc);
        var second = session.Graph(alloc);

        Assert.NotNull(first);
        Assert.NotSame(first, second);
        Assert.Null(session.SharedGraph(alloc));
    }

    [Fact]
    public async Task A_local_function_graph_is_kept_for_the_compilation_and_the_first_one_shared_wins()
    {
        var (session, _, _, run) = await Create();
        var graph = session.Graph(run)!;
        var local = graph.LocalFunctions.Single();
        var localGraph = graph.GetLocalFunctionControlFlowGraph(local);

        Assert.Null(session.Graph(local));
        Assert.Same(localGraph, session.Share(local, localGraph));
        Assert.Same(localGraph, session.Share(local, session.Graph(run)!.GetLocalFunctionControlFlowGraph(local)));
        Assert.Same(localGraph, OnAnotherThread(() => session.SharedGraph(local)));
    }

    [Fact]
    public async Task A_body_operation_is_read_from_its_declaration_and_a_method_without_a_body_has_none()
    {
        var (session, alloc, _, _) = await Create();
        var kmalloc = (IMethodSymbol)session.Compilation.GetTypeByMetadataName("Kmem.Kernel")!.GetMembers("kmalloc").First();

        var body = session.BodyOperation(alloc);

        Assert.IsType<ArrowExpressionClauseSyntax>(body!.ExpressionBody!.Syntax);
        Assert.Null(session.BodyOperation(kmalloc));
    }

    [Fact]
    public async Task Facts_are_found_as_memoized_only_once_computed()
    {
        var (session, alloc, _, _) = await Create();

        Assert.False(session.TryGetMemo<PointerFacts>(alloc, out _));
        var facts = PointerFacts.For(session, alloc);

        Assert.True(session.TryGetMemo<PointerFacts>(alloc, out var known));
        Assert.Same(facts, known);
        Assert.Single(facts.Sites);
    }

    /// <summary>Runs <paramref name="question"/> on a thread of its own (a pool thread may be the one the test awaited on).</summary>
    private static ControlFlowGraph? OnAnotherThread(System.Func<ControlFlowGraph?> question)
    {
        ControlFlowGraph? answer = null;
        var thread = new System.Threading.Thread(() => answer = question());
        thread.Start();
        thread.Join();
        return answer;
    }

    private static async Task<(AnalysisSession Session, IMethodSymbol Alloc, IMethodSymbol Free, IMethodSymbol Run)> Create()
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("SessionGraphs", Source);
        var type = compilation.GetTypeByMetadataName("Driver")!;
        IMethodSymbol Method(string name) => (IMethodSymbol)type.GetMembers(name).Single();
        return (AnalysisSession.For(compilation)!, Method("Alloc"), Method("Free"), Method("Run"));
    }
}
