using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Context;

public class TaskletTests
{
    [Fact]
    public void A_scheduled_tasklet_runs_once_in_softirq_context_when_softirqs_run()
    {
        using var m = Machine.Boot(new MachineOptions());
        var tasklet = new tasklet_struct();
        int runs = 0;
        bool inSoftirq = false;
        tasklet_setup(tasklet, _ => { runs++; inSoftirq = in_serving_softirq(); });
        tasklet_schedule(tasklet);
        tasklet_schedule(tasklet);
        Assert.Equal(0, runs);

        m.RunSoftirqs();
        m.RunSoftirqs();

        Assert.Equal(1, runs);
        Assert.True(inSoftirq);
    }

    [Fact]
    public void tasklet_kill_lets_a_scheduled_tasklet_run_and_then_it_is_idle()
    {
        using var m = Machine.Boot(new MachineOptions());
        var tasklet = new tasklet_struct();
        int runs = 0;
        tasklet_setup(tasklet, _ => runs++);
        tasklet_schedule(tasklet);

        tasklet_kill(tasklet);
        m.RunSoftirqs();

        Assert.Equal(1, runs);
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void A_tasklet_rescheduling_itself_runs_on_the_next_softirq_pass()
    {
        using var m = Machine.Boot(new MachineOptions());
        var tasklet = new tasklet_struct();
        int runs = 0;
        tasklet_setup(tasklet, t => { if (++runs < 3) tasklet_schedule(t); });
        tasklet_schedule(tasklet);
        m.RunSoftirqs();
        Assert.Equal(1, runs);
        m.RunSoftirqs();
        m.RunSoftirqs();
        Assert.Equal(3, runs);
    }

    [Fact]
    public void tasklet_kill_in_atomic_context_is_reported()
    {
        using var m = Machine.Boot(new MachineOptions());
        var tasklet = new tasklet_struct();
        tasklet_setup(tasklet, _ => { });
        preempt_disable();
        tasklet_kill(tasklet);
        preempt_enable();
        Assert.Equal("BUG: sleeping function called from invalid context at tasklet_kill", Assert.Single(m.Reports).Message);
    }
}
