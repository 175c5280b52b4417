namespace Kmem;

/// <summary>One registered handler on an interrupt line (the kernel's <c>struct irqaction</c>).</summary>
internal sealed record IrqAction(irq_handler_t? Handler, irq_handler_t? ThreadFn, ulong Flags, string Name, object? DevId)
{
    /// <summary>The thread that runs <see cref="ThreadFn"/>, for threaded handlers.</summary>
    public IrqThread? Thread { get; init; }

    public bool Shared => (Flags & Kernel.IRQF_SHARED) != 0;
}
