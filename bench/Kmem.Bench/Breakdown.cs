using Kmem.Bench.Floors;
using System.Collections.Immutable;
using System.Diagnostics;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Bench;

/// <summary>
/// <c>breakdown [lines] [runs]</c>: where the analyzers' time goes on the generated corpus. First the floor: an analyzer
/// that only asks for every body's operations (what any IOperation analyzer costs) against the KMEM analyzers,
/// both with concurrent execution as in a build; then the per-method phases one at a time on one thread
/// (finding the methods, binding their bodies, building their graphs, the pointer-state facts) with the memory
/// each allocates.
/// </summary>
internal static class Breakdown
{
    public static void Run(TextWriter output, int lines, int runs)
    {
        var sources = DriverCorpus.Files(lines).ToList();
        var probe = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer());
        var extra = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var cpus = new List<double>();
            foreach (var (name, analyzers) in new[] { ("operations only", probe), ("KMEM analyzers", CompilationFactory.Analyzers) })
            {
                var compilation = CompilationFactory.Create(sources);
                compilation.GetDiagnostics();
                var (wall, cpu, bytes) = Measure(() => CompilationFactory.Analyze(compilation, analyzers, concurrent: true));
                cpus.Add(cpu);
                output.WriteLine($"run {run}, {name,-16}: wall {wall,6:F0} ms, cpu {cpu,6:F0} ms, allocated {bytes >> 20,4} MiB");
            }
            if (run > 0)
                extra.Add(cpus[1] - cpus[0]);
        }
        if (extra.Count > 0)
            output.WriteLine($"KMEM cpu beyond the operations, runs after the first: median {extra.OrderBy(e => e).ElementAt(extra.Count / 2):F0} ms, least {extra.Min():F0} ms");
        for (var run = 0; run < 2; run++)
        {
            var compilation = CompilationFactory.Create(sources);
            var session = AnalysisSession.For(compilation)!;
            var methods = new List<(IMethodSymbol Symbol, BaseMethodDeclarationSyntax Syntax)>();
            var bodies = new List<IMethodBodyOperation>();
            var graphs = new List<ControlFlowGraph>();
            var sites = 0;
            var find = Measure(() =>
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    foreach (var node in tree.GetRoot().DescendantNodes())
                    {
                        if (node is BaseMethodDeclarationSyntax declaration && session.Model(tree).GetDeclaredSymbol(declaration) is IMethodSymbol method)
                            methods.Add((method, declaration));
                    }
                }
            });
            var bind = Measure(() =>
            {
                foreach (var (_, syntax) in methods)
                {
                    if (session.Model(syntax.SyntaxTree).GetOperation(syntax) is IMethodBodyOperation body)
                        bodies.Add(body);
                }
            });
            var build = Measure(() => graphs.AddRange(bodies.Select(body => ControlFlowGraph.Create(body))));
            for (var i = 0; i < graphs.Count; i++)
            {
                var graph = graphs[i];
                session.Share(methods[i].Symbol, graph);
            }
            var facts = Measure(() =>
            {
                foreach (var (method, _) in methods)
                    sites += PointerFacts.For(session, method).Sites.Length;
            });
            output.WriteLine($"run {run}: {methods.Count} methods, {sites} sites; find {find.Wall:F0} ms, bind {bind.Wall:F0} ms ({bind.Bytes >> 20} MiB), " +
                $"graphs {build.Wall:F0} ms ({build.Bytes >> 20} MiB), facts {facts.Wall:F0} ms ({facts.Bytes >> 20} MiB)");
        }
    }

    private static (double Wall, double Cpu, long Bytes) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }
}
