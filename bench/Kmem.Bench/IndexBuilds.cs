using System.Runtime.InteropServices;
using Kmem.Analyzers.Context;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.ModuleLifetime;
using Kmem.Analyzers.Model.Syntax;

namespace Kmem.Bench;

/// <summary>
/// <c>indexes [lines] [runs]</c>: the CPU time and memory of each whole-compilation index, built in dependency order on
/// one thread (its CPU time, read with clock_gettime: Linux only) from a fresh compilation of the corpus (fresh syntax trees: no red node exists yet), median of the runs.
/// Each row is the index's own cost: the indexes it reads are built in the rows above it.
/// </summary>
internal static class IndexBuilds
{
    private static readonly (string Name, Action<AnalysisSession> Build)[] Indexes =
    {
        ("name mentions", session => NameMentions.For(session)),
        ("member references", session => MemberReferences.For(session)),
        ("contracted methods", session => ContractedMethods.For(session)),
        ("body index", session => BodyIndex.For(session)),
        ("atomic candidates", session => AtomicCandidates.For(session)),
        ("module index", session => ModuleIndex.For(session)),
        ("static holders", session => StaticHolders.For(session)),
    };

    /// <summary>This thread's CPU time (Linux: the background collector's and the JIT's threads are not counted).</summary>
    private static double ThreadCpuMilliseconds()
    {
        const int threadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID
        return ClockGetTime(threadCpuClock, out var now) == 0 ? now.Seconds * 1e3 + now.Nanoseconds / 1e6 : throw new PlatformNotSupportedException("clock_gettime");
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static void Run(TextWriter output, int lines, int runs)
    {
        var sources = DriverCorpus.Files(lines).ToList();
        var times = Indexes.ToDictionary(index => index.Name, _ => new List<(double Cpu, long Bytes)>());
        for (var run = 0; run < runs; run++)
        {
            var session = AnalysisSession.For(CompilationFactory.Create(sources))!;
            foreach (var (name, build) in Indexes)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadCpuMilliseconds();
                build(session);
                times[name].Add((ThreadCpuMilliseconds() - cpu, GC.GetAllocatedBytesForCurrentThread() - bytes));
            }
        }
        foreach (var (name, _) in Indexes)
        {
            var sorted = times[name].OrderBy(t => t.Cpu).ToList();
            output.WriteLine($"{name,-20} cpu median {sorted[sorted.Count / 2].Cpu,6:F0} ms, least {sorted[0].Cpu,6:F0} ms, allocated {sorted[sorted.Count / 2].Bytes / (1024.0 * 1024),6:F1} MiB");
        }
    }
}
