using BenchmarkDotNet.Attributes;
using Kmem;
using static Kmem.Kernel;

namespace Kmem.Bench;

/// <summary>The simulated allocators with the kernel's debug facilities on (the default) and off.</summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private Machine machine = null!;
    private KPtr buffer;

    [Params(DebugOptions.None, DebugOptions.All)]
    public DebugOptions Debug { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        machine = Machine.Boot(new MachineOptions { RamBytes = 256L << 20, Debug = Debug });
        buffer = kmalloc(4096, GFP_KERNEL);
    }

    [GlobalCleanup]
    public void Cleanup() => machine.Dispose();

    [Benchmark]
    public void KmallocKfree() => kfree(kmalloc(128, GFP_KERNEL));

    [Benchmark]
    public void VmallocVfree() => vfree(vmalloc(4 * PAGE_SIZE));

    [Benchmark]
    public void Memset4K() => memset(buffer, 0x5a, 4096);

    [Benchmark]
    public long WriteReadInt64()
    {
        buffer.WriteInt64(64, 1);
        return buffer.ReadInt64(64);
    }
}
