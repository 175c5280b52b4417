using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

public class ReclaimWaitTests
{
    [Fact]
    public void GFP_ATOMIC_fails_at_once_with_the_allocation_failure_warning()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromMinutes(5));
        var taken = TestMachines.ExhaustLowmem();
        Assert.Equal(0UL, __get_free_page(GFP_ATOMIC));
        Assert.Equal(0, m.Memory.Pages.Reclaim.Waiters);
        Assert.True(m.Logged("page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null)"));
        TestMachines.FreeAll(taken);
    }

    [Fact]
    public void NOWARN_silences_the_allocation_failure_warning()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromMinutes(5));
        var taken = TestMachines.ExhaustLowmem();
        Assert.Null(alloc_page(GFP_NOWAIT | __GFP_NOWARN));
        Assert.Empty(m.Log());
        TestMachines.FreeAll(taken);
    }

    [Fact]
    public void GFP_KERNEL_waits_the_bounded_time_then_reports_out_of_memory()
    {
        var timeout = TimeSpan.FromMilliseconds(200);
        using var m = TestMachines.Small(reclaimTimeout: timeout);
        var taken = TestMachines.ExhaustLowmem();
        var clock = Stopwatch.StartNew();
        Assert.Equal(0UL, __get_free_page(GFP_KERNEL));
        Assert.True(clock.Elapsed >= timeout - TimeSpan.FromMilliseconds(20), "the allocation gave up before its reclaim timeout");
        Assert.True(m.Logged("invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0"));
        Assert.True(m.Logged("Out of memory"));
        TestMachines.FreeAll(taken);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void A_costly_order_fails_with_a_warning_instead_of_the_oom_killer()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromMilliseconds(10));
        var taken = TestMachines.ExhaustLowmem();
        Assert.Equal(0UL, __get_free_pages(GFP_KERNEL, 5));
        Assert.True(m.Logged("page allocation failure: order:5, mode:0xcc0(GFP_KERNEL)"));
        Assert.False(m.Logged("oom-killer"));
        TestMachines.FreeAll(taken);
    }

    [Fact]
    public void NORETRY_does_not_wait()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromMinutes(5));
        var taken = TestMachines.ExhaustLowmem();
        Assert.Equal(0UL, __get_free_page(GFP_KERNEL | __GFP_NORETRY));
        Assert.True(m.Logged("page allocation failure: order:0, mode:0x10cc0(GFP_KERNEL|__GFP_NORETRY)"));
        TestMachines.FreeAll(taken);
    }

    [Fact]
    public async Task A_waiting_GFP_KERNEL_allocation_succeeds_when_another_thread_frees_memory()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromMinutes(5));
        var taken = TestMachines.ExhaustLowmem();
        var waiter = Task.Run(() => __get_free_page(GFP_KERNEL));
        SpinWait.SpinUntil(() => m.Memory.Pages.Reclaim.Waiters == 1 || waiter.IsCompleted);
        Assert.False(waiter.IsCompleted);

        var (address, order) = taken[^1];
        taken.RemoveAt(taken.Count - 1);
        free_pages(address, order);

        ulong got = await waiter;
        Assert.Equal(address, got);
        Assert.False(m.Logged("oom-killer"));
        free_page(got);
        TestMachines.FreeAll(taken);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public async Task NOFAIL_keeps_retrying_past_the_reclaim_timeout()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromMilliseconds(1));
        var taken = TestMachines.ExhaustLowmem();
        var waiter = Task.Run(() => __get_free_pages(GFP_KERNEL | __GFP_NOFAIL, 1));
        SpinWait.SpinUntil(() => m.Memory.Pages.Reclaim.Waiters == 1 || waiter.IsCompleted);
        Thread.Sleep(50);
        Assert.False(waiter.IsCompleted);

        TestMachines.FreeAll(taken);
        ulong got = await waiter;
        Assert.NotEqual(0UL, got);
        free_pages(got, 1);
        Assert.Equal(m.TotalPages, m.FreePages);
    }
}
