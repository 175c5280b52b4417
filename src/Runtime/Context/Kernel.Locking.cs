namespace Kmem;

public static partial class Kernel
{
    /// <summary>Initialises a spinlock.</summary>
    public static void spin_lock_init(spinlock_t lk) => lk.owner = 0;
    /// <summary>Takes a spinlock: preemption off until <see cref="spin_unlock"/>.</summary>
    [EntersAtomic] public static void spin_lock(spinlock_t lk) => Machine.Current.SpinLock(lk, false, false, out _);
    /// <summary>Releases a spinlock taken by <see cref="spin_lock"/>.</summary>
    [ExitsAtomic] public static void spin_unlock(spinlock_t lk) => Machine.Current.SpinUnlock(lk, false, null);
    /// <summary>Takes a spinlock with softirqs off.</summary>
    [EntersAtomic] public static void spin_lock_bh(spinlock_t lk) => Machine.Current.SpinLock(lk, true, false, out _);
    /// <summary>Releases a spinlock taken by <see cref="spin_lock_bh"/>.</summary>
    [ExitsAtomic] public static void spin_unlock_bh(spinlock_t lk) => Machine.Current.SpinUnlock(lk, true, null);
    /// <summary>Takes a spinlock with local interrupts off.</summary>
    [EntersAtomic] public static void spin_lock_irq(spinlock_t lk) => Machine.Current.SpinLock(lk, false, true, out _);
    /// <summary>Releases a spinlock taken by <see cref="spin_lock_irq"/> and enables interrupts.</summary>
    [ExitsAtomic] public static void spin_unlock_irq(spinlock_t lk) => Machine.Current.SpinUnlock(lk, false, false);
    /// <summary>Takes a spinlock with local interrupts off, saving their previous state in <paramref name="flags"/>.</summary>
    [EntersAtomic] public static void spin_lock_irqsave(spinlock_t lk, out ulong flags) => Machine.Current.SpinLock(lk, false, true, out flags);
    /// <summary>Releases a spinlock taken by <see cref="spin_lock_irqsave"/> and restores the interrupt state.</summary>
    [ExitsAtomic] public static void spin_unlock_irqrestore(spinlock_t lk, ulong flags) => Machine.Current.SpinUnlock(lk, false, (flags & Machine.IrqFlagEnabled) == 0);
    /// <summary>Tries to take a spinlock; 1 on success (then atomic until unlock), 0 if it is held.</summary>
    public static int spin_trylock(spinlock_t lk) => Machine.Current.SpinTryLock(lk);

    /// <summary>Initialises a mutex.</summary>
    public static void mutex_init(mutex lk) => lk.Reset();
    /// <summary>Takes a mutex, sleeping while another task holds it.</summary>
    [MightSleep] public static void mutex_lock(mutex lk) => Machine.Current.MutexLock(lk);
    /// <summary>Releases a mutex.</summary>
    public static void mutex_unlock(mutex lk) => Machine.Current.MutexUnlock(lk);
    /// <summary>Tries to take a mutex; 1 on success, 0 if it is held.</summary>
    public static int mutex_trylock(mutex lk) => Machine.Current.MutexTryLock(lk);

    /// <summary>Begins an RCU read-side critical section (atomic).</summary>
    [EntersAtomic] public static void rcu_read_lock() => Machine.Current.RcuReadLock();
    /// <summary>Ends an RCU read-side critical section.</summary>
    [ExitsAtomic] public static void rcu_read_unlock() => Machine.Current.RcuReadUnlock();
    /// <summary>Disables preemption.</summary>
    [EntersAtomic] public static void preempt_disable() => Machine.Current.Context.PreemptCount += KernelContextState.PreemptOffset;
    /// <summary>Enables preemption.</summary>
    [ExitsAtomic] public static void preempt_enable() => Machine.Current.ReleaseContext(KernelContextState.PreemptOffset, KernelContextState.PreemptMask, nameof(preempt_enable));
    /// <summary>Disables local interrupts.</summary>
    [EntersAtomic] public static void local_irq_disable() => Machine.Current.Context.IrqsDisabled = true;
    /// <summary>Enables local interrupts.</summary>
    [ExitsAtomic] public static void local_irq_enable() => Machine.Current.Context.IrqsDisabled = false;
    /// <summary>Disables local interrupts, saving their previous state.</summary>
    [EntersAtomic] public static void local_irq_save(out ulong flags) => flags = Machine.Current.LocalIrqSave();
    /// <summary>Restores the interrupt state saved by <see cref="local_irq_save"/>.</summary>
    [ExitsAtomic] public static void local_irq_restore(ulong flags) => Machine.Current.Context.IrqsDisabled = (flags & Machine.IrqFlagEnabled) == 0;
    /// <summary>Disables softirqs on this CPU.</summary>
    [EntersAtomic] public static void local_bh_disable() => Machine.Current.Context.PreemptCount += KernelContextState.SoftirqDisableOffset;
    /// <summary>Enables softirqs on this CPU.</summary>
    [ExitsAtomic] public static void local_bh_enable() => Machine.Current.ReleaseContext(KernelContextState.SoftirqDisableOffset, KernelContextState.SoftirqMask, nameof(local_bh_enable));
}
