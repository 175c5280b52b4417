using System.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Bench;

/// <summary>
/// A fast stopwatch run of the same measurements as the BenchmarkDotNet suite, for a quick look.
/// "compile" is <c>GetDiagnostics</c> (parse, declare, bind and check every body); "compile+analyzers"
/// is <c>GetAnalyzerDiagnosticsAsync</c> with the KMEM analyzers, which compiles every body the same
/// way (the compiler's events drive the analyzers) and runs the analyzers on top
/// (<c>GetAllDiagnosticsAsync</c> does the same work but does not record the analyzers' execution time). Each is run several times, alternating, on a fresh compilation; the
/// medians of wall time and of process CPU time are shown (CPU time is less disturbed by other
/// processes on a shared machine), then each analyzer's median execution time as Roslyn measures it.
/// </summary>
internal static class QuickMeasure
{
    public static void Run(TextWriter output, int runs = 5)
    {
        foreach (var lines in new[] { 10_000, 100_000 })
        {
            var sources = DriverCorpus.Files(lines).ToList();
            var lineCount = sources.Sum(s => s.Count(c => c == '\n'));
            var compile = new List<(TimeSpan Wall, TimeSpan Cpu)>();
            var analyze = new List<(TimeSpan Wall, TimeSpan Cpu)>();
            var perAnalyzer = CompilationFactory.Analyzers.ToDictionary(a => a.GetType().Name, _ => new List<TimeSpan>());
            Measure(() => CompilationFactory.Create(sources).GetDiagnostics().Length);
            for (var i = 0; i < runs; i++)
            {
                compile.Add(Measure(() => CompilationFactory.Create(sources).GetDiagnostics().Length));
                CompilationWithAnalyzers? withAnalyzers = null;
                analyze.Add(Measure(() =>
                {
                    withAnalyzers = CompilationFactory.Create(sources).WithAnalyzers(CompilationFactory.Analyzers, CompilationFactory.Options(concurrent: false, logTime: true));
                    return withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
                }));
                foreach (var analyzer in CompilationFactory.Analyzers)
                    perAnalyzer[analyzer.GetType().Name].Add(withAnalyzers!.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime);
            }
            var (compileWall, compileCpu) = (Median(compile.Select(m => m.Wall)), Median(compile.Select(m => m.Cpu)));
            var (analyzeWall, analyzeCpu) = (Median(analyze.Select(m => m.Wall)), Median(analyze.Select(m => m.Cpu)));
            output.WriteLine($"corpus {lineCount,7} lines, median of {runs}: compile {compileWall.TotalMilliseconds,7:F0} ms (cpu {compileCpu.TotalMilliseconds,7:F0}), " +
                $"compile+analyzers {analyzeWall.TotalMilliseconds,7:F0} ms (cpu {analyzeCpu.TotalMilliseconds,7:F0}); analyzers add {100 * (analyzeWall - compileWall) / compileWall,5:F1}% wall, {100 * (analyzeCpu - compileCpu) / compileCpu,5:F1}% cpu");
            var total = TimeSpan.Zero;
            foreach (var (name, times) in perAnalyzer.Select(p => (p.Key, Median(p.Value))).OrderByDescending(p => p.Item2))
            {
                total += times;
                output.WriteLine($"    {name,-40} {times.TotalMilliseconds,8:F0} ms  {100 * times / analyzeWall,5:F1}% of compile+analyzers");
            }
            output.WriteLine($"    {"all analyzers (sum of medians)",-40} {total.TotalMilliseconds,8:F0} ms  {100 * total / analyzeWall,5:F1}%");
        }

        double? previous = null;
        foreach (var blocks in new[] { 10, 20, 40, 80, 160, 320 })
        {
            var source = DriverCorpus.WideMethod(blocks);
            var compilation = CompilationFactory.Create(new[] { source });
            compilation.GetDiagnostics();
            CompilationFactory.Analyze(compilation.Clone());
            var times = new List<TimeSpan>();
            for (var i = 0; i < runs; i++)
                times.Add(Measure(() => CompilationFactory.Analyze(compilation.Clone()).Length).Wall);
            var time = Median(times).TotalMilliseconds;
            output.WriteLine($"one method, {blocks,3} allocate-check-branch blocks (2^{blocks} paths): analyzers {time,8:F1} ms" + (previous is { } p ? $"  (x{time / p:F2} for twice the length)" : ""));
            previous = time;
        }
    }

    private static (TimeSpan Wall, TimeSpan Cpu) Measure(Func<int> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed;
        process.Refresh();
        return (wall, process.TotalProcessorTime - cpu);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
