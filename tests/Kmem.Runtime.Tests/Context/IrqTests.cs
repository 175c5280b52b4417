using System.Collections.Generic;
using System.Threading;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Context;

public class IrqTests
{
    [Fact]
    public void A_raised_interrupt_runs_its_handler_in_hard_irq_context()
    {
        using var m = Machine.Boot(new MachineOptions());
        var device = new object();
        (int irq, object? dev, bool hardirq, bool irqsOff) seen = default;
        request_irq(9, (irq, dev) => { seen = (irq, dev, in_hardirq(), irqs_disabled()); return irqreturn_t.IRQ_HANDLED; }, 0, "nic", device);

        var result = m.RaiseIrq(9);

        Assert.Equal(irqreturn_t.IRQ_HANDLED, result);
        Assert.Equal((9, (object?)device, true, true), seen);
        Assert.False(in_interrupt());
        Assert.False(irqs_disabled());
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void Every_handler_of_a_shared_line_runs()
    {
        using var m = Machine.Boot(new MachineOptions());
        var ran = new List<string>();
        Assert.Equal(0, request_irq(3, (_, dev) => { ran.Add((string)dev!); return irqreturn_t.IRQ_NONE; }, IRQF_SHARED, "a", "a"));
        Assert.Equal(0, request_irq(3, (_, dev) => { ran.Add((string)dev!); return irqreturn_t.IRQ_HANDLED; }, IRQF_SHARED, "b", "b"));

        Assert.Equal(irqreturn_t.IRQ_HANDLED, m.RaiseIrq(3));
        Assert.Equal(["a", "b"], ran);

        free_irq(3, "a");
        ran.Clear();
        m.RaiseIrq(3);
        Assert.Equal(["b"], ran);
    }

    [Fact]
    public void A_line_taken_without_IRQF_SHARED_cannot_be_shared()
    {
        using var m = Machine.Boot(new MachineOptions());
        request_irq(4, (_, _) => irqreturn_t.IRQ_HANDLED, 0, "first", null);

        Assert.Equal(-EBUSY, request_irq(4, (_, _) => irqreturn_t.IRQ_HANDLED, IRQF_SHARED, "second", "x"));
        Assert.Contains(m.Dmesg(), l => l.EndsWith("genirq: Flags mismatch irq 4. 00000080 (second) vs. 00000000 (first)"));
        Assert.Equal(-EINVAL, request_irq(6, (_, _) => irqreturn_t.IRQ_HANDLED, IRQF_SHARED, "nodev", null));
        Assert.Equal(-EINVAL, request_irq(-1, (_, _) => irqreturn_t.IRQ_HANDLED, 0, "bad", null));
    }

    [Fact]
    public void An_interrupt_nobody_handles_is_reported()
    {
        using var m = Machine.Boot(new MachineOptions());
        Assert.Equal(irqreturn_t.IRQ_NONE, m.RaiseIrq(7));
        var report = Assert.Single(m.Reports);
        Assert.Equal(KernelReportKind.UnhandledIrq, report.Kind);
        Assert.Contains(m.Dmesg(), l => l.EndsWith("irq 7: nobody cared (try booting with the \"irqpoll\" option)"));
    }

    [Fact]
    public void Freeing_a_free_irq_is_reported()
    {
        using var m = Machine.Boot(new MachineOptions());
        free_irq(11, null);
        Assert.Equal("Trying to free already-free IRQ 11", Assert.Single(m.Reports).Message);
    }

    [Fact]
    public void A_threaded_handler_runs_in_process_context_on_its_own_thread()
    {
        using var m = Machine.Boot(new MachineOptions());
        int threadFnThread = 0;
        bool atomicInThread = true;
        request_threaded_irq(12,
            (_, _) => irqreturn_t.IRQ_WAKE_THREAD,
            (_, _) => { threadFnThread = System.Environment.CurrentManagedThreadId; atomicInThread = in_atomic(); msleep(1); return irqreturn_t.IRQ_HANDLED; },
            IRQF_ONESHOT, "sensor", null);

        Assert.Equal(irqreturn_t.IRQ_WAKE_THREAD, m.RaiseIrq(12));
        synchronize_irq(12);

        Assert.NotEqual(0, threadFnThread);
        Assert.NotEqual(System.Environment.CurrentManagedThreadId, threadFnThread);
        Assert.False(atomicInThread);
        Assert.Empty(m.Reports);
        free_irq(12, null);
    }

    [Fact]
    public void A_threaded_irq_without_primary_handler_wakes_its_thread()
    {
        using var m = Machine.Boot(new MachineOptions());
        int runs = 0;
        request_threaded_irq(13, null, (_, _) => { Interlocked.Increment(ref runs); return irqreturn_t.IRQ_HANDLED; }, IRQF_ONESHOT, "t", null);
        m.RaiseIrq(13);
        synchronize_irq(13);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void Softirqs_raised_by_a_handler_run_when_the_interrupt_returns()
    {
        using var m = Machine.Boot(new MachineOptions());
        var tasklet = new tasklet_struct();
        bool servedInSoftirq = false;
        tasklet_setup(tasklet, _ => servedInSoftirq = in_serving_softirq() && !in_hardirq());
        request_irq(2, (_, _) => { tasklet_schedule(tasklet); return irqreturn_t.IRQ_HANDLED; }, 0, "dev", null);

        m.RaiseIrq(2);

        Assert.True(servedInSoftirq);
    }
}
