using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Initialises a spinlock.</summary>
    public static void spin_lock_init(spinlock_t lk) => throw new NotImplementedException();
    /// <summary>Takes a spinlock: preemption off until <see cref="spin_unlock"/>.</summary>
    [EntersAtomic] public static void spin_lock(spinlock_t lk) => throw new NotImplementedException();
    /// <summary>Releases a spinlock taken by <see cref="spin_lock"/>.</summary>
    [ExitsAtomic] public static void spin_unlock(spinlock_t lk) => throw new NotImplementedException();
    /// <summary>Takes a spinlock with softirqs off.</summary>
    [EntersAtomic] public static void spin_lock_bh(spinlock_t lk) => throw new NotImplementedException();
    /// <summary>Releases a spinlock taken by <see cref="spin_lock_bh"/>.</summary>
    [ExitsAtomic] public static void spin_unlock_bh(spinlock_t lk) => throw new NotImplementedException();
    /// <summary>Takes a spinlock with local interrupts off.</summary>
    [EntersAtomic] public static void spin_lock_irq(spinlock_t lk) => throw new NotImplementedException();
    /// <summary>Releases a spinlock taken by <see cref="spin_lock_irq"/> and enables interrupts.</summary>
    [ExitsAtomic] public static void spin_unlock_irq(spinlock_t lk) => throw new NotImplementedException();
    /// <summary>Takes a spinlock with local interrupts off, saving their previous state in <paramref name="flags"/>.</summary>
    [EntersAtomic] public static void spin_lock_irqsave(spinlock_t lk, out ulong flags) => throw new NotImplementedException();
    /// <summary>Releases a spinlock taken by <see cref="spin_lock_irqsave"/> and restores the interrupt state.</summary>
    [ExitsAtomic] public static void spin_unlock_irqrestore(spinlock_t lk, ulong flags) => throw new NotImplementedException();
    /// <summary>Tries to take a spinlock; 1 on success (then atomic until unlock), 0 if it is held.</summary>
    public static int spin_trylock(spinlock_t lk) => throw new NotImplementedException();

    /// <summary>Initialises a mutex.</summary>
    public static void mutex_init(mutex lk) => throw new NotImplementedException();
    /// <summary>Takes a mutex, sleeping while another task holds it.</summary>
    [MightSleep] public static void mutex_lock(mutex lk) => throw new NotImplementedException();
    /// <summary>Releases a mutex.</summary>
    public static void mutex_unlock(mutex lk) => throw new NotImplementedException();
    /// <summary>Tries to take a mutex; 1 on success, 0 if it is held.</summary>
    public static int mutex_trylock(mutex lk) => throw new NotImplementedException();

    /// <summary>Begins an RCU read-side critical section (atomic).</summary>
    [EntersAtomic] public static void rcu_read_lock() => throw new NotImplementedException();
    /// <summary>Ends an RCU read-side critical section.</summary>
    [ExitsAtomic] public static void rcu_read_unlock() => throw new NotImplementedException();
    /// <summary>Disables preemption.</summary>
    [EntersAtomic] public static void preempt_disable() => throw new NotImplementedException();
    /// <summary>Enables preemption.</summary>
    [ExitsAtomic] public static void preempt_enable() => throw new NotImplementedException();
    /// <summary>Disables local interrupts.</summary>
    [EntersAtomic] public static void local_irq_disable() => throw new NotImplementedException();
    /// <summary>Enables local interrupts.</summary>
    [ExitsAtomic] public static void local_irq_enable() => throw new NotImplementedException();
    /// <summary>Disables local interrupts, saving their previous state.</summary>
    [EntersAtomic] public static void local_irq_save(out ulong flags) => throw new NotImplementedException();
    /// <summary>Restores the interrupt state saved by <see cref="local_irq_save"/>.</summary>
    [ExitsAtomic] public static void local_irq_restore(ulong flags) => throw new NotImplementedException();
    /// <summary>Disables softirqs on this CPU.</summary>
    [EntersAtomic] public static void local_bh_disable() => throw new NotImplementedException();
    /// <summary>Enables softirqs on this CPU.</summary>
    [ExitsAtomic] public static void local_bh_enable() => throw new NotImplementedException();
}
