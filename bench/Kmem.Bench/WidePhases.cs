using System.Diagnostics;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Bench;

/// <summary>
/// <c>wide</c>: one method of 80 to 2560 allocate-check-branch blocks taken apart, each phase timed on its own (median of
/// 5 fresh compilations, after a first pass that warms the JIT): Roslyn binding the body, Roslyn building its graph, and
/// our pointer facts on that graph. Whether the time grows linearly with the method's length is then read per phase.
/// </summary>
internal static class WidePhases
{
    private static readonly int[] Lengths = { 80, 160, 320, 640, 1280, 2560 };

    public static void Run(TextWriter output)
    {
        Measure(TextWriter.Null);
        Measure(output);
    }

    private static void Measure(TextWriter output)
    {
        foreach (var blocks in Lengths)
        {
            var bind = new List<double>();
            var graph = new List<double>();
            var facts = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var compilation = CompilationFactory.Create(new[] { DriverCorpus.WideMethod(blocks) });
                var tree = compilation.SyntaxTrees.Single();
                var model = compilation.GetSemanticModel(tree);
                var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
                var method = (IMethodSymbol)model.GetDeclaredSymbol(declaration)!;
                var session = AnalysisSession.For(compilation)!;

                var clock = Stopwatch.StartNew();
                var body = (IMethodBodyOperation)model.GetOperation(declaration)!;
                bind.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                session.Share(method, ControlFlowGraph.Create(body));
                graph.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                PointerFacts.For(session, method);
                facts.Add(clock.Elapsed.TotalMilliseconds);
            }
            output.WriteLine($"{blocks,5} blocks: binding {Median(bind),6:F1} ms, graph {Median(graph),6:F1} ms, pointer facts {Median(facts),6:F1} ms");
        }
    }

    private static double Median(List<double> times) => times.OrderBy(t => t).ElementAt(times.Count / 2);
}
