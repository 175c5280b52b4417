using System;
using System.Collections.Generic;
using System.Linq;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Log;

public class DmesgTests
{
    [Fact]
    public void printk_logs_with_level_and_timestamp()
    {
        using var m = Machine.Boot(new MachineOptions());
        int length = printk(KERN_INFO + "hello %d\n", 42);
        m.AdvanceTime(TimeSpan.FromMilliseconds(1500.123));
        pr_err("late\n");
        printk("no level\n");

        Assert.Equal(9, length);
        Assert.Equal(["[    0.000000] hello 42", "[    1.500123] late", "[    1.500123] no level"], m.Dmesg());
        Assert.Equal([6, 3, 4], m.DmesgRecords().Select(r => r.Level));
    }

    [Fact]
    public void Each_line_of_a_message_is_a_record()
    {
        using var m = Machine.Boot(new MachineOptions());
        pr_info("one\ntwo\n");
        printk("three");
        Assert.Equal(["one", "two", "three"], m.DmesgRecords().Select(r => r.Text));
    }

    [Fact]
    public void A_null_argument_prints_as_null()
    {
        using var m = Machine.Boot(new MachineOptions());
        printk("%s\n", null!); // what nullable-oblivious code passes for printk("%s", NULL)
        Assert.Equal("(null)", Assert.Single(m.DmesgRecords()).Text);
    }

    [Fact]
    public void The_ring_buffer_drops_the_oldest_lines()
    {
        using var m = Machine.Boot(new MachineOptions { LogBufferBytes = 4096 });
        for (int i = 0; i < 1000; i++)
            printk("line %04d\n", i);

        var records = m.DmesgRecords();
        Assert.InRange(records.Count, 10, 200);
        Assert.Equal("line 0999", records[^1].Text);
        Assert.Equal(999, records[^1].Sequence);
        Assert.Equal(Enumerable.Range(1000 - records.Count, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
    }

    [Fact]
    public void The_sink_receives_every_line()
    {
        var console = new List<string>();
        using var m = Machine.Boot(new MachineOptions { LogSink = console.Add });
        pr_warn("careful\n");
        Assert.Equal(["[    0.000000] careful"], console);
        m.ClearDmesg();
        Assert.Empty(m.Dmesg());
    }
}
