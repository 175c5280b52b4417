using System.Linq;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Context;

public class SleepInAtomicTests
{
    [Fact]
    public void Sleeping_in_process_context_is_fine()
    {
        using var m = Machine.Boot(new MachineOptions());
        might_sleep();
        msleep(1);
        schedule();
        cond_resched();
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void Sleeping_in_a_hard_irq_handler_prints_the_kernel_report()
    {
        using var m = Machine.Boot(new MachineOptions());
        Assert.Equal(0, request_irq(5, (irq, dev) => { might_sleep(); return irqreturn_t.IRQ_HANDLED; }, 0, "dev", null));

        m.RaiseIrq(5);

        var report = Assert.Single(m.Reports);
        Assert.Equal(KernelReportKind.SleepInAtomic, report.Kind);
        Assert.Equal("KMEM001", report.RuleId);
        Assert.Equal("BUG: sleeping function called from invalid context at might_sleep", report.Message);
        Assert.Contains(" might_sleep+0x", report.Stack);
        Assert.Contains(" Machine.RaiseIrq+0x", report.Stack);
        var log = m.Dmesg();
        Assert.Contains(log, l => l.EndsWith("] BUG: sleeping function called from invalid context at might_sleep"));
        Assert.Contains(log, l => l.Contains($"in_atomic(): 1, irqs_disabled(): 1, non_block: 0, pid: {System.Environment.CurrentManagedThreadId}, name: "));
        Assert.Contains(log, l => l.EndsWith("] Call Trace:"));
    }

    [Fact]
    public void Sleeping_in_a_timer_callback_is_reported()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new mutex();
        var timer = new timer_list();
        timer_setup(timer, t => { mutex_lock(lk); mutex_unlock(lk); }, 0);
        mod_timer(timer, jiffies + 1);

        m.AdvanceTime(System.TimeSpan.FromMilliseconds(4));

        var report = Assert.Single(m.Reports);
        Assert.Equal("BUG: sleeping function called from invalid context at mutex_lock", report.Message);
        Assert.Contains("in_atomic(): 1, irqs_disabled(): 0", report.Details[0]);
    }

    [Fact]
    public void Sleeping_under_spin_lock_irqsave_is_reported_and_after_the_unlock_it_is_not()
    {
        using var m = Machine.Boot(new MachineOptions());
        var lk = new spinlock_t();
        spin_lock_irqsave(lk, out ulong flags);
        msleep(10);
        spin_unlock_irqrestore(lk, flags);
        msleep(10);

        var report = Assert.Single(m.Reports);
        Assert.Equal("BUG: sleeping function called from invalid context at msleep", report.Message);
        Assert.Contains("irqs_disabled(): 1", report.Details[0]);
        Assert.Contains(nameof(Sleeping_under_spin_lock_irqsave_is_reported_and_after_the_unlock_it_is_not), report.Stack);
    }

    [Fact]
    public void Interrupts_off_alone_forbid_sleeping_but_are_not_in_atomic()
    {
        using var m = Machine.Boot(new MachineOptions());
        local_irq_disable();
        might_sleep();
        local_irq_enable();
        Assert.StartsWith("in_atomic(): 0, irqs_disabled(): 1", Assert.Single(m.Reports).Details[0]);
    }

    [Fact]
    public void Allocators_check_through_the_machine_hook()
    {
        using var m = Machine.Boot(new MachineOptions());
        rcu_read_lock();
        m.MightSleep("kmalloc");
        rcu_read_unlock();
        var report = Assert.Single(m.Reports);
        Assert.Equal("BUG: sleeping function called from invalid context at kmalloc", report.Message);
        Assert.Equal("RCU nest depth: 1, expected: 0", report.Details[2]);
    }

    [Fact]
    public void The_machine_can_be_configured_to_throw()
    {
        using var m = Machine.Boot(new MachineOptions { ThrowOnSleepInAtomic = true });
        var lk = new spinlock_t();
        spin_lock(lk);
        var e = Assert.Throws<SleepInAtomicException>(() => cond_resched());
        spin_unlock(lk);
        Assert.Same(m.Reports.Single(), e.Report);
    }
}
