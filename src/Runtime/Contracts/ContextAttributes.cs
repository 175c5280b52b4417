using System;

namespace Kmem;

/// <summary>The execution contexts of kernel code.</summary>
public enum KernelContext
{
    /// <summary>Process context: may sleep.</summary>
    Process = 0,
    /// <summary>Softirq context (timers, tasklets): atomic.</summary>
    SoftIrq = 1,
    /// <summary>Hard-IRQ context (interrupt handlers): atomic.</summary>
    HardIrq = 2,
    /// <summary>Atomic for another reason (a method marked <see cref="AtomicAttribute"/>).</summary>
    Atomic = 3,
}

/// <summary>The method always runs in atomic context: nothing it calls may sleep.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AtomicAttribute : Attribute { }

/// <summary>The method may sleep: it must not be called in atomic context.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class MightSleepAttribute : Attribute { }

/// <summary>Contract: the delegate passed in this parameter is later called in <see cref="Context"/> (an IRQ handler, a timer callback).</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class CallbackContextAttribute : Attribute
{
    /// <summary>Declares the context the callback runs in.</summary>
    public CallbackContextAttribute(KernelContext context) => Context = context;

    /// <summary>The context the callback runs in.</summary>
    public KernelContext Context { get; }
}

/// <summary>Contract: after this call the caller is in atomic context (a spinlock is held, preemption or interrupts are off) until the matching <see cref="ExitsAtomicAttribute"/> call.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class EntersAtomicAttribute : Attribute { }

/// <summary>Contract: this call ends the atomic section begun by the matching <see cref="EntersAtomicAttribute"/> call.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ExitsAtomicAttribute : Attribute { }
