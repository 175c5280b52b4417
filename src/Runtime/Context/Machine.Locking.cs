using System.Threading;

namespace Kmem;

public sealed partial class Machine
{
    // x86's interrupt flag, as local_irq_save stores it in flags.
    internal const ulong IrqFlagEnabled = 0x200;

    /// <summary>Takes <paramref name="lk"/>: first the context change of the variant, then a real spin.</summary>
    internal void SpinLock(spinlock_t lk, bool bh, bool disableIrqs, out ulong savedFlags)
    {
        var ctx = Context;
        savedFlags = ctx.IrqsDisabled ? 0 : IrqFlagEnabled;
        int me = CurrentPid;
        if (Volatile.Read(ref lk.owner) == me)
        {
            var report = Report(KernelReportKind.SpinlockRecursion, $"BUG: spinlock recursion on CPU#0, {CurrentComm}/{me}",
                $" lock: {nameof(spinlock_t)}, .magic: dead4ead, .owner: {CurrentComm}/{me}, .owner_cpu: 0");
            throw new KernelBugException(report); // the kernel would spin here forever
        }
        if (disableIrqs)
            ctx.IrqsDisabled = true;
        ctx.PreemptCount += bh ? KernelContextState.SoftirqDisableOffset + KernelContextState.PreemptOffset : KernelContextState.PreemptOffset;
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref lk.owner, me, 0) != 0)
            spin.SpinOnce();
    }

    /// <summary>Takes <paramref name="lk"/> if free; 1 on success (preemption then off), 0 otherwise.</summary>
    internal int SpinTryLock(spinlock_t lk)
    {
        if (Interlocked.CompareExchange(ref lk.owner, CurrentPid, 0) != 0)
            return 0;
        Context.PreemptCount += KernelContextState.PreemptOffset;
        return 1;
    }

    /// <summary>Releases <paramref name="lk"/> and undoes the variant's context change; an unlock by a non-holder is reported and changes nothing.</summary>
    internal void SpinUnlock(spinlock_t lk, bool bh, bool? irqsDisabledAfter)
    {
        int me = CurrentPid;
        int holder = Interlocked.CompareExchange(ref lk.owner, 0, me);
        if (holder != me)
        {
            string what = holder == 0 ? "already unlocked" : "wrong owner";
            Report(KernelReportKind.BadUnlock, $"BUG: spinlock {what} on CPU#0, {CurrentComm}/{me}",
                $" lock: {nameof(spinlock_t)}, .magic: dead4ead, .owner: {(holder == 0 ? "<none>" : "pid " + holder)}, .owner_cpu: 0");
            return;
        }
        ReleaseContext(KernelContextState.PreemptOffset, KernelContextState.PreemptMask, "spin_unlock");
        if (bh)
            ReleaseContext(KernelContextState.SoftirqDisableOffset, KernelContextState.SoftirqMask, "spin_unlock_bh");
        if (irqsDisabledAfter is bool disabled)
            Context.IrqsDisabled = disabled;
    }

    /// <summary>Subtracts a context offset, reporting an unbalanced release instead of underflowing.</summary>
    internal void ReleaseContext(int offset, int mask, string function)
    {
        if (!Context.TryRelease(offset, mask))
            Report(KernelReportKind.UnbalancedContext, "DEBUG_LOCKS_WARN_ON(val > preempt_count())", $"at {function}");
    }

    /// <summary>Reports a lock released more often than taken, in lockdep's words.</summary>
    internal void ReportUnlockImbalance(string lockName, string function) =>
        Report(KernelReportKind.BadUnlock, "WARNING: bad unlock balance detected!",
            $"{CurrentComm}/{CurrentPid} is trying to release lock ({lockName}) at:", function, "but there are no more locks to release!");

    internal void MutexLock(mutex lk)
    {
        CheckMightSleep("mutex_lock");
        int me = CurrentPid;
        if (lk.owner == me)
        {
            var report = Report(KernelReportKind.RecursiveLocking, "WARNING: possible recursive locking detected",
                $"{CurrentComm}/{me} is trying to acquire lock (mutex) at: mutex_lock", "but task is already holding lock: (mutex)");
            throw new KernelBugException(report); // the kernel would deadlock here
        }
        lk.gate.Wait();
        lk.owner = me;
    }

    internal int MutexTryLock(mutex lk)
    {
        if (!lk.gate.Wait(0))
            return 0;
        lk.owner = CurrentPid;
        return 1;
    }

    internal void MutexUnlock(mutex lk)
    {
        int holder = lk.owner;
        if (holder == 0)
        {
            ReportUnlockImbalance("mutex", "mutex_unlock");
            return;
        }
        if (holder != CurrentPid)
            Report(KernelReportKind.BadUnlock, "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)", "at mutex_unlock");
        lk.owner = 0;
        lk.gate.Release();
    }

    internal void RcuReadUnlock()
    {
        var ctx = Context;
        if (ctx.RcuDepth == 0)
        {
            ReportUnlockImbalance("rcu_read_lock", "rcu_read_unlock");
            return;
        }
        ctx.RcuDepth--;
        ReleaseContext(KernelContextState.PreemptOffset, KernelContextState.PreemptMask, "rcu_read_unlock");
    }

    internal void RcuReadLock()
    {
        var ctx = Context;
        ctx.RcuDepth++;
        ctx.PreemptCount += KernelContextState.PreemptOffset;
    }

    internal ulong LocalIrqSave()
    {
        var ctx = Context;
        ulong flags = ctx.IrqsDisabled ? 0 : IrqFlagEnabled;
        ctx.IrqsDisabled = true;
        return flags;
    }
}
