using System.Collections;
using System.Reflection;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Bench;

/// <summary>
/// <c>memory [lines]</c>: what the analysis keeps alive. Analyses a fresh compilation of the corpus with every analyzer
/// (concurrently, as a build does), then, with the compilation (and so its session) still alive, prints the heap it
/// left behind, and the heap again after each of the session's tables is emptied in turn: what each table holds
/// beyond the ones emptied before it. The tables are read by reflection (a measuring tool, not part of the analyzers).
/// </summary>
internal static class RetainedMemory
{
    private static readonly string[] Tables = { "nestedGraphs", "memo", "indexes", "declaredMethods", "models" };

    public static void Run(TextWriter output, int lines)
    {
        var compilation = CompilationFactory.Create(DriverCorpus.Files(lines).ToList());
        compilation.GetDiagnostics();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        CompilationFactory.Analyze(compilation, CompilationFactory.Analyzers, concurrent: true);
        output.WriteLine($"allocated during the analysis: {Mib(GC.GetTotalAllocatedBytes(precise: true) - allocated)} MiB");
        output.WriteLine($"kept alive after it: {Mib(GC.GetTotalMemory(forceFullCollection: true) - before)} MiB");
        var sessions = Sessions();
        foreach (var name in Tables)
        {
            var field = typeof(AnalysisSession).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"AnalysisSession has no table '{name}': update {nameof(RetainedMemory)}");
            foreach (var session in sessions)
                ((IDictionary)field.GetValue(session)!).Clear();
            output.WriteLine($"  with '{name}' emptied as well: {Mib(GC.GetTotalMemory(forceFullCollection: true) - before)} MiB");
        }
        GC.KeepAlive(compilation);
    }

    /// <summary>The live sessions (the analyzers run on a copy of the compilation, whose session is not reachable from it).</summary>
    private static List<AnalysisSession> Sessions()
    {
        var table = typeof(AnalysisSession).GetField("sessions", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"AnalysisSession has no 'sessions' table: update {nameof(RetainedMemory)}");
        return ((IEnumerable)table).Cast<object>()
            .Select(pair => pair.GetType().GetProperty("Value")!.GetValue(pair))
            .OfType<AnalysisSession>()
            .ToList();
    }

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0");
}
