using System;
using System.Collections.Generic;
using System.Threading;

namespace Kmem;

/// <summary>
/// One simulated computer: its physical memory, its CPUs' contexts and its kernel log. The
/// <see cref="Kernel"/> functions act on <see cref="Current"/>, which is the machine booted last
/// in this flow of execution (threads and tasks started from it inherit it), or a default machine.
/// </summary>
public sealed partial class Machine : IDisposable
{
    private static readonly AsyncLocal<Machine?> current = new();
    private static readonly Lazy<Machine> fallback = new(() => new Machine(new MachineOptions()));

    /// <summary>The options this machine was booted with.</summary>
    public MachineOptions Options { get; }

    private Machine(MachineOptions options)
    {
        Options = options;
        InitMemory();
        InitContext();
        InitDebug();
    }

    /// <summary>The machine the kernel functions act on.</summary>
    public static Machine Current => current.Value ?? fallback.Value;

    /// <summary>Boots a machine and makes it <see cref="Current"/> for this flow of execution.</summary>
    public static Machine Boot(MachineOptions? options = null)
    {
        var machine = new Machine(options ?? new MachineOptions());
        current.Value = machine;
        return machine;
    }

    /// <summary>Shuts the machine down: stops its worker threads and timers.</summary>
    public void Dispose()
    {
        ShutdownContext();
        if (ReferenceEquals(current.Value, this))
            current.Value = null;
    }

    /// <summary>Every allocation not yet released, across all allocators (for leak checks at module unload).</summary>
    public IReadOnlyList<LiveAllocation> LiveAllocations()
    {
        var list = new List<LiveAllocation>();
        CollectLiveAllocations(list);
        return list;
    }

    /// <summary>Checks that the caller may sleep; reports "sleeping function called from invalid context" otherwise.</summary>
    internal void MightSleep(string function) => OnMightSleep(function);

    partial void InitMemory();
    partial void InitContext();
    partial void InitDebug();
    partial void ShutdownContext();
    partial void OnMightSleep(string function);
    partial void CollectLiveAllocations(List<LiveAllocation> into);
}
