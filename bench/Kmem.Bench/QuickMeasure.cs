using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Kmem.Bench;

/// <summary>A fast stopwatch run of the same measurements as the BenchmarkDotNet suite, for a quick look.</summary>
internal static class QuickMeasure
{
    public static void Run(TextWriter output)
    {
        foreach (var lines in new[] { 10_000, 100_000 })
        {
            var sources = DriverCorpus.Files(lines).ToList();
            var compile = Best(() => CompilationFactory.Create(sources).GetDiagnostics().Length);
            var withAnalyzers = Best(() => CompilationFactory.Analyze(CompilationFactory.Create(sources)).Length);
            var lineCount = sources.Sum(s => s.Count(c => c == '\n'));
            var added = withAnalyzers - compile;
            output.WriteLine($"corpus {lineCount,7} lines: compile {compile.TotalMilliseconds,8:F0} ms, compile+analyzers {withAnalyzers.TotalMilliseconds,8:F0} ms (analyzers add {100 * added / compile,5:F1}%)");
            foreach (var (analyzer, time) in CompilationFactory.ExecutionTimes(CompilationFactory.Create(sources)))
                output.WriteLine($"    {analyzer,-40} {time.TotalMilliseconds,8:F0} ms");
        }

        foreach (var blocks in new[] { 10, 20, 40, 80, 160 })
        {
            var source = DriverCorpus.WideMethod(blocks);
            var time = Best(() => CompilationFactory.Analyze(CompilationFactory.Create(new[] { source })).Length);
            output.WriteLine($"one method, {blocks,3} allocate-check-branch blocks (2^{blocks} paths): analyzers {time.TotalMilliseconds,8:F1} ms");
        }
    }

    private static TimeSpan Best(Func<int> action)
    {
        action();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }
        return best;
    }
}
