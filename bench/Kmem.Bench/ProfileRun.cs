using System.Collections.Immutable;
using System.Diagnostics;

namespace Kmem.Bench;

/// <summary>
/// A loop for a profiler: <c>profile [lines] [runs] [analyzers] [kind]</c> runs the analyzers whose names
/// contain one of the comma-separated <c>analyzers</c> (all by default, or <c>all</c>; <c>none</c>: compile only) on
/// a fresh compilation of the corpus of that <see cref="CorpusKind"/> (dense by default), <c>runs</c> times, printing wall and CPU time. For example
/// <c>dotnet-trace collect -- dotnet Kmem.Bench.dll profile 100000 2 SleepInAtomic</c>.
/// </summary>
internal static class ProfileRun
{
    public static void Run(TextWriter output, int lines, int runs, string? only, CorpusKind kind)
    {
        var sources = DriverCorpus.Files(lines, kind).ToList();
        var all = CompilationFactory.Analyzers;
        var analyzers = only is null or "all" ? CompilationFactory.Analyzers : only == "none" ? ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>.Empty : all.Where(a => only.Split(',').Any(o => a.GetType().Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToImmutableArray();
        for (var i = 0; i < runs; i++)
        {
            var compilation = CompilationFactory.Create(sources);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var count = analyzers.IsEmpty ? compilation.GetDiagnostics().Length : CompilationFactory.Analyze(compilation, analyzers).Length;
            output.WriteLine($"run {i}: {count} diagnostics in {clock.Elapsed.TotalMilliseconds:F0} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms");
        }
    }
}

/// <summary><c>scaling</c>: each analyzer's execution time on one method of 80 to 1280 allocate-check-branch blocks (median of 5).</summary>
internal static class ScalingRun
{
    public static void Run(TextWriter output)
    {
        foreach (var blocks in new[] { 80, 160, 320, 640, 1280 })
        {
            var compilation = CompilationFactory.Create(new[] { DriverCorpus.WideMethod(blocks) });
            var times = new Dictionary<string, List<double>>();
            for (var i = 0; i < 5; i++)
            {
                foreach (var (name, time) in CompilationFactory.ExecutionTimes(compilation.Clone()))
                {
                    if (!times.TryGetValue(name, out var list))
                        times[name] = list = new List<double>();
                    list.Add(time.TotalMilliseconds);
                }
            }
            output.WriteLine($"{blocks,5} blocks: " + string.Join(", ", times.Select(t => (t.Key, Median: t.Value.OrderBy(v => v).ElementAt(2))).OrderByDescending(t => t.Median).Take(4).Select(t => $"{t.Key.Replace("Analyzer", "")} {t.Median:F1} ms")));
        }
    }
}
