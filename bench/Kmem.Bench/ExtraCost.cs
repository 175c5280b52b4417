using Kmem.Bench.Floors;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Bench;

/// <summary>
/// <c>extra [lines] [runs]</c>: the KMEM analyzers' own work on the generated corpus, on one thread (no waits, no
/// contention): each run analyses a fresh compilation with the operations floor alone and with the floor and the KMEM
/// analyzers, in alternating order, and prints the difference of the two. On a shared machine other processes only
/// ever add time, so the least of the runs is the figure to compare between two versions of the analyzers; the
/// median is printed too. Then each analyzer's least execution time as Roslyn measures it (the shared
/// whole-compilation indexes are charged to the analyzer that asks first).
/// </summary>
internal static class ExtraCost
{
    public static void Run(TextWriter output, int lines, int runs)
    {
        var sources = DriverCorpus.Files(lines).ToList();
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer());
        var both = floor.AddRange(CompilationFactory.Analyzers);
        var extra = new List<double>();
        var perAnalyzer = new Dictionary<string, double>();
        Analyze(sources, both, logTime: false);   // JIT and caches
        for (var run = 0; run < runs; run++)
        {
            var floorFirst = run % 2 == 0;
            var first = Analyze(sources, floorFirst ? floor : both, logTime: !floorFirst);
            var second = Analyze(sources, floorFirst ? both : floor, logTime: floorFirst);
            var (withFloor, withKmem) = floorFirst ? (first, second) : (second, first);
            extra.Add(withKmem.Cpu - withFloor.Cpu);
            foreach (var (name, time) in withKmem.Times)
                perAnalyzer[name] = perAnalyzer.TryGetValue(name, out var least) ? Math.Min(least, time) : time;
            output.WriteLine($"run {run}: floor {withFloor.Cpu,6:F0} ms cpu, floor and KMEM {withKmem.Cpu,6:F0} ms cpu: KMEM {extra[^1],6:F0} ms");
        }
        var sorted = extra.OrderBy(e => e).ToList();
        output.WriteLine($"KMEM cpu on one thread: least {sorted[0]:F0} ms, median {sorted[sorted.Count / 2]:F0} ms of {runs} runs");
        foreach (var (name, time) in perAnalyzer.OrderByDescending(p => p.Value))
            output.WriteLine($"    {name,-36} least {time,6:F0} ms");
    }

    private static (double Cpu, List<(string, double)> Times) Analyze(List<string> sources, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime)
    {
        var compilation = CompilationFactory.Create(sources);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var withAnalyzers = compilation.WithAnalyzers(analyzers, CompilationFactory.Options(concurrent: false, logTime));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } failure)
            throw new InvalidOperationException(failure.ToString());
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var times = new List<(string, double)>();
        if (logTime)
        {
            foreach (var analyzer in CompilationFactory.Analyzers)
                times.Add((analyzer.GetType().Name, withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds));
        }
        return (used, times);
    }
}
