namespace Kmem;

/// <summary>
/// The kernel context of one thread on one machine: the preempt count with the kernel's bit
/// layout (preemption, softirq and hard-IRQ fields), the local interrupt flag and the RCU depth.
/// Only its own thread touches it.
/// </summary>
internal sealed class KernelContextState
{
    public const int PreemptOffset = 0x1;
    public const int SoftirqOffset = 0x100;
    public const int SoftirqDisableOffset = 2 * SoftirqOffset;
    public const int HardirqOffset = 0x10000;
    public const int PreemptMask = 0xff;
    public const int SoftirqMask = 0xff00;
    public const int HardirqMask = 0xf0000;

    /// <summary>The kernel's <c>preempt_count()</c>.</summary>
    public int PreemptCount { get; set; }

    /// <summary>Whether local interrupts are off.</summary>
    public bool IrqsDisabled { get; set; }

    /// <summary>Nesting depth of <c>rcu_read_lock</c>.</summary>
    public int RcuDepth { get; set; }

    /// <summary>The task name reports show (<c>insmod</c> while a module initialises), or null for the thread's name.</summary>
    public string? Comm { get; set; }

    public bool InHardirq => (PreemptCount & HardirqMask) != 0;

    /// <summary>Serving a softirq or with softirqs disabled, as the kernel's <c>in_softirq()</c>.</summary>
    public bool InSoftirq => (PreemptCount & SoftirqMask) != 0;

    public bool InServingSoftirq => (PreemptCount & SoftirqOffset) != 0;

    public bool InInterrupt => (PreemptCount & (HardirqMask | SoftirqMask)) != 0;

    public bool InAtomic => PreemptCount != 0;

    /// <summary>What <c>might_sleep()</c> checks.</summary>
    public bool MaySleep => PreemptCount == 0 && !IrqsDisabled && RcuDepth == 0;

    /// <summary>Subtracts <paramref name="offset"/> from the field under <paramref name="mask"/>; false (and no change) when it would underflow.</summary>
    public bool TryRelease(int offset, int mask)
    {
        if ((PreemptCount & mask) < offset)
            return false;
        PreemptCount -= offset;
        return true;
    }
}
