namespace Kmem;

public static partial class Kernel
{
    /// <summary>Interrupt line may be shared.</summary>
    public const ulong IRQF_SHARED = 0x00000080;
    /// <summary>Keep the line disabled until the threaded handler ran.</summary>
    public const ulong IRQF_ONESHOT = 0x00002000;

    /// <summary>Registers <paramref name="handler"/> for <paramref name="irq"/>; it runs in hard-IRQ context. 0 or a negative errno.</summary>
    [MightSleep]
    public static int request_irq(int irq, [CallbackContext(KernelContext.HardIrq)] irq_handler_t handler, ulong flags, string name, object? dev) =>
        handler is null ? -EINVAL : Machine.Current.RequestIrq(irq, handler, null, flags, name, dev);

    /// <summary>Registers a primary handler (hard-IRQ context) and a threaded handler (process context). 0 or a negative errno.</summary>
    [MightSleep]
    public static int request_threaded_irq(int irq, [CallbackContext(KernelContext.HardIrq)] irq_handler_t? handler, [CallbackContext(KernelContext.Process)] irq_handler_t? thread_fn, ulong flags, string name, object? dev) =>
        Machine.Current.RequestIrq(irq, handler, thread_fn, flags, name, dev);

    /// <summary>Unregisters the handler of <paramref name="dev"/> on <paramref name="irq"/>, waiting for a running one to finish.</summary>
    [MightSleep]
    public static void free_irq(int irq, object? dev) => Machine.Current.FreeIrq(irq, dev);

    /// <summary>Waits until no handler of <paramref name="irq"/> runs and no threaded handler is pending or running.</summary>
    public static void synchronize_irq(int irq) => Machine.Current.SynchronizeIrq(irq);
}
