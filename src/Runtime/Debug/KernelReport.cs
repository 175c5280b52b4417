using System.Collections.Generic;

namespace Kmem;

/// <summary>What kind of bug a <see cref="KernelReport"/> describes.</summary>
public enum KernelReportKind
{
    /// <summary>Something that may sleep was called in atomic context.</summary>
    SleepInAtomic,
    /// <summary>A spinlock was taken again by the thread that holds it.</summary>
    SpinlockRecursion,
    /// <summary>A lock was released by a thread that does not hold it, or was not held at all.</summary>
    BadUnlock,
    /// <summary>A sleeping lock was taken again by the thread that holds it.</summary>
    RecursiveLocking,
    /// <summary>A context counter (preemption, softirqs, RCU) was released more often than taken.</summary>
    UnbalancedContext,
    /// <summary>An interrupt that no handler claimed.</summary>
    UnhandledIrq,
    /// <summary>Memory that is still allocated although nothing owns it any more (a module leaked it).</summary>
    MemoryLeak,
    /// <summary>Kernel code threw on a kernel thread (a worker, an IRQ thread).</summary>
    Oops,
    /// <summary>A warning about API misuse that is not one of the other kinds.</summary>
    Warning,
    /// <summary>An access through NULL (or a small offset from it).</summary>
    NullDereference,
    /// <summary>An access to an address nothing maps.</summary>
    PageFault,
    /// <summary>An access past the end (or before the start) of an allocation: KASAN slab-, vmalloc- or page-out-of-bounds.</summary>
    OutOfBounds,
    /// <summary>An access to memory that was freed: KASAN use-after-free.</summary>
    UseAfterFree,
    /// <summary>A second release of the same allocation: KASAN double-free.</summary>
    DoubleFree,
    /// <summary>A release of something that is not the start of a live allocation of the releasing family: KASAN invalid-free.</summary>
    InvalidFree,
    /// <summary>A release of page frames with the wrong order or address: the page allocator's "Bad page state".</summary>
    BadPageState,
}

/// <summary>
/// One bug the simulated kernel detected while code ran: the structured twin of the text it
/// printed into the kernel log.
/// </summary>
public sealed record KernelReport
{
    /// <summary>Makes a report.</summary>
    /// <param name="kind">What kind of bug it is.</param>
    /// <param name="ruleId">The analyzer rule that finds the same mistake statically (<c>KMEM001</c>), or null.</param>
    /// <param name="message">The headline as the kernel prints it.</param>
    /// <param name="stack">The call trace where the bug was detected, one frame a line.</param>
    public KernelReport(KernelReportKind kind, string? ruleId, string message, string stack)
    {
        Kind = kind;
        RuleId = ruleId;
        Message = message;
        Stack = stack;
    }

    /// <summary>What kind of bug it is.</summary>
    public KernelReportKind Kind { get; }

    /// <summary>The analyzer rule that finds the same mistake statically (<c>KMEM001</c>), or null when none does.</summary>
    public string? RuleId { get; }

    /// <summary>The headline as the kernel prints it ("BUG: sleeping function called from invalid context at kmalloc").</summary>
    public string Message { get; }

    /// <summary>The call trace where the bug was detected, one frame a line.</summary>
    public string Stack { get; }

    /// <summary>The lines the kernel printed after the headline (context state, details), without the call trace.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The address involved, when the bug concerns memory.</summary>
    public ulong? Address { get; init; }

    /// <summary>The size in bytes involved, when the bug concerns memory.</summary>
    public long? Size { get; init; }

    /// <summary>Further stacks by what they show ("allocated", "freed"), when known.</summary>
    public IReadOnlyDictionary<string, string> Stacks { get; init; } = new Dictionary<string, string>();
}
