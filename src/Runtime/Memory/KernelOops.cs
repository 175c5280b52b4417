using System;

namespace Kmem;

/// <summary>
/// A kernel bug caught by the simulated machine: a bad memory access (NULL dereference, page fault,
/// out-of-bounds or use-after-free) or a bad free. The message is the kernel's report.
/// </summary>
public sealed class KernelOops : Exception
{
    /// <summary>Makes an oops with the kernel-style report <paramref name="message"/> about <paramref name="address"/>.</summary>
    public KernelOops(string message, ulong address) : base(message) => Address = address;

    /// <summary>The faulting or freed address.</summary>
    public ulong Address { get; }

    /// <summary>The structured report the kernel logged for the bug, when it made one.</summary>
    public KernelReport? Report { get; init; }
}
