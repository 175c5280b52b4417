using System.Threading;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Context;

public class ContextTrackingTests
{
    [Fact]
    public void A_thread_starts_in_process_context()
    {
        using var m = Machine.Boot(new MachineOptions());
        Assert.False(in_atomic());
        Assert.False(in_interrupt());
        Assert.False(irqs_disabled());
        Assert.False(in_softirq());
        Assert.False(in_hardirq());
    }

    [Fact]
    public void spin_lock_disables_preemption_only()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock(lk);
        Assert.True(in_atomic());
        Assert.False(irqs_disabled());
        Assert.False(in_interrupt());
        spin_unlock(lk);
        Assert.False(in_atomic());
    }

    [Fact]
    public void spin_lock_bh_disables_softirqs()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock_bh(lk);
        Assert.True(in_atomic());
        Assert.True(in_softirq());
        Assert.False(in_serving_softirq());
        spin_unlock_bh(lk);
        Assert.False(in_atomic());
        Assert.False(in_softirq());
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void spin_lock_irq_disables_and_spin_unlock_irq_enables_interrupts()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock_irq(lk);
        Assert.True(irqs_disabled());
        Assert.True(in_atomic());
        spin_unlock_irq(lk);
        Assert.False(irqs_disabled());
        Assert.False(in_atomic());
    }

    [Fact]
    public void spin_unlock_irqrestore_restores_the_saved_interrupt_state()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        local_irq_disable();
        spin_lock_irqsave(lk, out ulong flags);
        spin_unlock_irqrestore(lk, flags);
        Assert.True(irqs_disabled());
        local_irq_enable();

        spin_lock_irqsave(lk, out flags);
        Assert.True(irqs_disabled());
        spin_unlock_irqrestore(lk, flags);
        Assert.False(irqs_disabled());
    }

    [Fact]
    public void Context_functions_nest_and_unwind()
    {
        using var m = Machine.Boot(new MachineOptions());
        rcu_read_lock();
        preempt_disable();
        local_bh_disable();
        local_irq_save(out ulong flags);
        Assert.True(in_atomic() && in_softirq() && irqs_disabled());
        local_irq_restore(flags);
        local_bh_enable();
        preempt_enable();
        Assert.True(in_atomic());
        rcu_read_unlock();
        Assert.False(in_atomic() || in_softirq() || irqs_disabled());
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void Unbalanced_releases_are_reported()
    {
        using var m = Machine.Boot(new MachineOptions());
        preempt_enable();
        rcu_read_unlock();
        spin_unlock(new spinlock_t());

        Assert.Collection(m.Reports,
            r => Assert.Equal(KernelReportKind.UnbalancedContext, r.Kind),
            r => Assert.Equal(("WARNING: bad unlock balance detected!", KernelReportKind.BadUnlock), (r.Message, r.Kind)),
            r => Assert.StartsWith("BUG: spinlock already unlocked on CPU#0", r.Message));
        Assert.False(in_atomic());
    }

    [Fact]
    public void Taking_a_held_spinlock_again_on_the_same_thread_is_a_recursion_bug()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock(lk);
        var e = Assert.Throws<KernelBugException>(() => spin_lock(lk));
        Assert.Equal(KernelReportKind.SpinlockRecursion, e.Report.Kind);
        Assert.Contains(m.Dmesg(), l => l.Contains("BUG: spinlock recursion on CPU#0"));
        spin_unlock(lk);
        Assert.False(in_atomic());
    }

    [Fact]
    public void Context_is_per_thread()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock_irq(lk);
        bool otherAtomic = true, otherIrqsOff = true;
        var other = new Thread(() => { otherAtomic = in_atomic(); otherIrqsOff = irqs_disabled(); });
        other.Start();
        other.Join();
        spin_unlock_irq(lk);
        Assert.False(otherAtomic);
        Assert.False(otherIrqsOff);
    }

    [Fact]
    public void Context_is_per_machine()
    {
        using var first = Machine.Boot(new MachineOptions());
        preempt_disable();
        Assert.True(in_atomic());
        using (var second = Machine.Boot(new MachineOptions()))
            Assert.False(in_atomic());
        Assert.True(first.Context.InAtomic);
        first.Context.PreemptCount = 0;
    }
}
