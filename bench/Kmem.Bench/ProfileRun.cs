using System.Collections.Immutable;
using System.Diagnostics;

namespace Kmem.Bench;

/// <summary>
/// A loop for a profiler: <c>profile [lines] [runs] [analyzers]</c> runs the analyzers whose names
/// contain one of the comma-separated <c>analyzers</c> (all by default; <c>none</c>: compile only) on
/// a fresh compilation of the corpus, <c>runs</c> times, printing wall and CPU time. For example
/// <c>dotnet-trace collect -- dotnet Kmem.Bench.dll profile 100000 2 SleepInAtomic</c>.
/// </summary>
internal static class ProfileRun
{
    public static void Run(TextWriter output, int lines, int runs, string? only)
    {
        var sources = DriverCorpus.Files(lines).ToList();
        var all = CompilationFactory.Analyzers;
        var analyzers = only is null ? CompilationFactory.Analyzers : only == "none" ? ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>.Empty : all.Where(a => only.Split(',').Any(o => a.GetType().Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToImmutableArray();
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
