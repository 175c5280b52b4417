// Part of bench/csc-probe.sh: copied into a scratch worktree of the analyzers, never built into the shipped assembly.
#pragma warning disable RS1035 // The probe reads its output path from the environment: a measuring instrument, not a rule.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// Thread CPU time and bytes allocated inside the analyzers, by category, exclusive of nested categories: each thread
/// keeps a stack of open categories and charges the time since the last change to the innermost. Written when the
/// process exits to the file named by KMEM_PROBE (nothing is measured without it), with a timeline of the CPU spent
/// per 250 ms since the process started and the categories of the last 1.5 s.
/// </summary>
internal static class Probe
{
    private const int Buckets = 400;
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static readonly string? File = Environment.GetEnvironmentVariable("KMEM_PROBE");
    private static readonly Func<long> AllocatedOnThread =
        (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), typeof(GC).GetMethod("GetAllocatedBytesForCurrentThread")!);
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static readonly double StartOffset = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
    private static readonly ConcurrentDictionary<string, long[]> Totals = new();

    [ThreadStatic] private static Stack<string>? open;
    [ThreadStatic] private static long lastCpu;
    [ThreadStatic] private static long lastAllocated;

    static Probe()
    {
        if (File is not null)
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Write();
    }

    /// <summary>Opens a category on this thread until the scope is disposed.</summary>
    public static Scope Enter(string category)
    {
        if (File is null)
            return default;
        Charge();
        (open ??= new Stack<string>()).Push(category);
        Interlocked.Increment(ref Row(category)[2]);
        return new Scope(true);
    }

    public readonly struct Scope : IDisposable
    {
        private readonly bool active;

        public Scope(bool active) => this.active = active;

        public void Dispose()
        {
            if (!active)
                return;
            Charge();
            open!.Pop();
        }
    }

    /// <summary>Charges the thread's CPU and allocation since the last change to its innermost open category.</summary>
    private static void Charge()
    {
        ClockGetTime(ThreadCpuClock, out var now);
        var cpu = now.Seconds * 1_000_000_000 + now.Nanoseconds;
        var allocated = AllocatedOnThread();
        if (open is { Count: > 0 } stack)
        {
            var row = Row(stack.Peek());
            Interlocked.Add(ref row[0], cpu - lastCpu);
            Interlocked.Add(ref row[1], allocated - lastAllocated);
            var bucket = (int)((Clock.Elapsed.TotalSeconds + StartOffset) * 4);
            if (bucket is >= 0 and < Buckets)
                Interlocked.Add(ref row[3 + bucket], cpu - lastCpu);
        }
        lastCpu = cpu;
        lastAllocated = allocated;
    }

    /// <summary>A category's nanoseconds, bytes, entries, and nanoseconds per 250 ms bucket.</summary>
    private static long[] Row(string category) => Totals.GetOrAdd(category, _ => new long[3 + Buckets]);

    private static void Write()
    {
        var rows = Totals.OrderByDescending(p => p.Value[0]).ToList();
        var timeline = Enumerable.Range(0, Buckets).Select(b => rows.Sum(r => r.Value[3 + b])).ToArray();
        var last = Array.FindLastIndex(timeline, ns => ns > 0);
        var tail = rows.Select(r => (r.Key, Ns: Enumerable.Range(Math.Max(0, last - 5), 6).Sum(b => r.Value[3 + b])))
            .Where(r => r.Ns > 0).OrderByDescending(r => r.Ns).Take(8);
        var lines = rows.Select(r => $"{r.Value[0] / 1e6,9:F1} ms {r.Value[1] / 1048576.0,7:F1} MiB {r.Value[2],7}  {r.Key}").ToList();
        lines.Add($"{rows.Sum(r => r.Value[0]) / 1e6,9:F1} ms {rows.Sum(r => r.Value[1]) / 1048576.0,7:F1} MiB          total");
        // What the probe itself adds: each entry and exit reads the clock (a system call) and updates a row, and about one
        // such pair's cost lands in some category per entry. Measured here, on this thread, after the compile.
        var entries = rows.Sum(r => r.Value[2]);
        var perEntry = CostPerEntry();
        lines.Add($"probe's own cost: {entries * perEntry / 1e6,9:F1} ms ({entries} entries, {perEntry / 1000:F2} us each)");
        lines.Add("per 250 ms since the process started (ms): " + string.Join(" ", timeline.Take(last + 1).Select(ns => (ns / 1e6).ToString("F0"))));
        lines.Add("last 1.5 s: " + string.Join(", ", tail.Select(t => $"{t.Key} {t.Ns / 1e6:F0} ms")));
        System.IO.File.AppendAllText(File!, string.Join("\n", lines) + "\n---\n");
    }

    /// <summary>Thread CPU nanoseconds of one entry and exit of a category, averaged over many (not written to the table).</summary>
    private static double CostPerEntry()
    {
        const int Repeats = 20_000;
        const string Calibration = "probe calibration";
        ClockGetTime(ThreadCpuClock, out var start);
        for (var i = 0; i < Repeats; i++)
        {
            using (Enter(Calibration))
            {
            }
        }
        ClockGetTime(ThreadCpuClock, out var end);
        Totals.TryRemove(Calibration, out _);
        return ((end.Seconds - start.Seconds) * 1e9 + (end.Nanoseconds - start.Nanoseconds)) / Repeats;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
