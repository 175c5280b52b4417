using System;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Context;

public class TimerTests
{
    [Fact]
    public void jiffies_follow_the_virtual_clock_at_HZ()
    {
        using var m = Machine.Boot(new MachineOptions());
        Assert.Equal(0UL, jiffies);
        m.AdvanceTime(TimeSpan.FromSeconds(2));
        Assert.Equal(2UL * HZ, jiffies);
        msleep(100);
        Assert.Equal(2UL * HZ + 25, jiffies);
        Assert.Equal(250UL, msecs_to_jiffies(1000));
        Assert.Equal(1UL, msecs_to_jiffies(1));
    }

    [Fact]
    public void A_timer_fires_in_softirq_context_when_due()
    {
        using var m = Machine.Boot(new MachineOptions());
        var timer = new timer_list();
        (ulong at, bool softirq, bool hardirq)? fired = null;
        timer_setup(timer, t => fired = (jiffies, in_serving_softirq(), in_hardirq()), 0);
        Assert.Equal(0, mod_timer(timer, jiffies + 10));
        Assert.True(timer_pending(timer));

        m.AdvanceTime(TimeSpan.FromMilliseconds(36));
        Assert.Null(fired);
        m.AdvanceTime(TimeSpan.FromMilliseconds(4));

        Assert.Equal((10UL, true, false), fired);
        Assert.False(timer_pending(timer));
        Assert.False(in_softirq());
    }

    [Fact]
    public void Deleted_timers_do_not_fire()
    {
        using var m = Machine.Boot(new MachineOptions());
        var timer = new timer_list();
        int fired = 0;
        timer_setup(timer, _ => fired++, 0);
        mod_timer(timer, jiffies + 1);
        Assert.Equal(1, mod_timer(timer, jiffies + 2));
        Assert.Equal(1, del_timer(timer));
        Assert.Equal(0, del_timer_sync(timer));
        m.AdvanceTime(TimeSpan.FromSeconds(1));
        Assert.Equal(0, fired);
    }

    [Fact]
    public void A_timer_that_re_arms_itself_fires_once_per_period()
    {
        using var m = Machine.Boot(new MachineOptions());
        var timer = new timer_list();
        int fired = 0;
        timer_setup(timer, t => { fired++; mod_timer(t, jiffies + 1); }, 0);
        mod_timer(timer, jiffies + 1);

        m.AdvanceTime(TimeSpan.FromSeconds(1));

        Assert.Equal((int)HZ, fired);
        del_timer_sync(timer);
    }

    [Fact]
    public void Timers_fire_in_expiry_order()
    {
        using var m = Machine.Boot(new MachineOptions());
        var order = new System.Collections.Generic.List<int>();
        var late = new timer_list();
        var early = new timer_list();
        timer_setup(late, _ => order.Add(2), 0);
        timer_setup(early, _ => order.Add(1), 0);
        mod_timer(late, 20);
        mod_timer(early, 5);
        m.AdvanceTime(TimeSpan.FromSeconds(1));
        Assert.Equal([1, 2], order);
    }
}
