using System.Diagnostics;
using Kmem;
using static Kmem.Kernel;

namespace Kmem.Bench;

/// <summary>A stopwatch run of <see cref="RuntimeBenchmarks"/>' operations, debug checks off and on, in ns per operation.</summary>
internal static class RuntimeQuickMeasure
{
    private const int Operations = 200_000;

    public static void Run(TextWriter output)
    {
        var cases = new (string Name, Action<KPtr> Op)[]
        {
            ("kmalloc(128)+kfree", _ => kfree(kmalloc(128, GFP_KERNEL))),
            ("vmalloc(16K)+vfree", _ => vfree(vmalloc(4 * PAGE_SIZE))),
            ("memset 4 KiB", p => memset(p, 0x5a, 4096)),
            ("WriteInt64+ReadInt64", p => { p.WriteInt64(64, 1); p.ReadInt64(64); }),
        };
        output.WriteLine($"{"operation",-22} {"checks off",12} {"checks on",12} {"cost",8}");
        foreach (var (name, op) in cases)
        {
            double off = NanosPerOp(DebugOptions.None, op, name.StartsWith("vmalloc") ? Operations / 10 : Operations);
            double on = NanosPerOp(DebugOptions.All, op, name.StartsWith("vmalloc") ? Operations / 10 : Operations);
            output.WriteLine($"{name,-22} {off,9:F0} ns {on,9:F0} ns {on / off,7:F1}x");
        }
    }

    private static double NanosPerOp(DebugOptions debug, Action<KPtr> op, int count)
    {
        using var machine = Machine.Boot(new MachineOptions { RamBytes = 256L << 20, Debug = debug });
        var buffer = kmalloc(4096, GFP_KERNEL);
        for (int i = 0; i < count / 10; i++)
            op(buffer);
        double best = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
                op(buffer);
            best = Math.Min(best, clock.Elapsed.TotalNanoseconds / count);
        }
        kfree(buffer);
        return best;
    }
}
