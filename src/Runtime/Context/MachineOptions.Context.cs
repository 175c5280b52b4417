using System;

namespace Kmem;

public sealed partial class MachineOptions
{
    /// <summary>Whether sleeping in atomic context throws <see cref="SleepInAtomicException"/> after the report; by default the code continues, as the kernel does.</summary>
    public bool ThrowOnSleepInAtomic { get; set; }

    /// <summary>The console: receives every kernel log line as <c>dmesg</c> prints it. None by default.</summary>
    public Action<string>? LogSink { get; set; }

    /// <summary>The size of the kernel log ring buffer in bytes (1 MiB unless set); the oldest lines are dropped beyond it.</summary>
    public long LogBufferBytes { get; set; } = 1L << 20;

    /// <summary>How many worker threads run work items (4 unless set).</summary>
    public int WorkerThreads { get; set; } = 4;
}
