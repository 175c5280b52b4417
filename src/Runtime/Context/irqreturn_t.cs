namespace Kmem;

/// <summary>What an interrupt handler returns.</summary>
public enum irqreturn_t
{
    /// <summary>The interrupt was not from this device.</summary>
    IRQ_NONE = 0,
    /// <summary>The interrupt was handled.</summary>
    IRQ_HANDLED = 1,
    /// <summary>Wake the threaded handler.</summary>
    IRQ_WAKE_THREAD = 2,
}

/// <summary>An interrupt handler.</summary>
public delegate irqreturn_t irq_handler_t(int irq, object? dev_id);
