using System.Linq;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Debug;

public class DebugFacilityTests
{
    private static Machine Boot(DebugOptions debug = DebugOptions.All, long quarantine = 0) =>
        Machine.Boot(new MachineOptions { RamBytes = 64L << 20, Debug = debug, KasanQuarantineBytes = quarantine });

    [Fact]
    public void Shadow_keeps_one_value_per_page_until_a_page_is_split()
    {
        var shadow = new ShadowMemory(4);
        Assert.Equal(ShadowCode.PageFree, shadow.At(1, 100));
        shadow.SetPages(1, 2, ShadowCode.Accessible);
        Assert.Null(shadow.FirstPoisoned(1, 0, 4096));
        shadow.Set(1, 4000, 200, ShadowCode.SlabRedzone);
        Assert.Equal((4000, ShadowCode.SlabRedzone), shadow.FirstPoisoned(1, 3990, 106));
        Assert.Equal((0, ShadowCode.SlabRedzone), shadow.FirstPoisoned(2, 0, 8));
        Assert.Null(shadow.FirstPoisoned(2, 104, 100));
    }

    [Fact]
    public void An_access_into_the_redzone_is_slab_out_of_bounds_and_leaves_the_neighbour_intact()
    {
        using var m = Boot();
        var a = kmalloc(128, GFP_KERNEL);
        var b = kmalloc(128, GFP_KERNEL);
        b.WriteInt64(0, 42);
        var oops = Assert.Throws<KernelOops>(() => a.WriteInt32(128, -1));
        Assert.Equal((KernelReportKind.OutOfBounds, (string?)null), (oops.Report!.Kind, oops.Report.RuleId));
        Assert.Contains("BUG: KASAN: slab-out-of-bounds in WriteInt32", oops.Message);
        Assert.Contains("The buggy address is located 0 bytes to the right of", oops.Message);
        Assert.True(b.Value - a.Value > 128);
        Assert.Equal(42, b.ReadInt64());
        kfree(a);
        kfree(b);
    }

    [Fact]
    public void A_vmalloc_area_is_poisoned_past_its_size()
    {
        using var m = Boot();
        var v = vmalloc(100);
        var oops = Assert.Throws<KernelOops>(() => v.ReadBytes(96, 8));
        Assert.Contains("BUG: KASAN: vmalloc-out-of-bounds in ReadBytes", oops.Message);
        vfree(v);
    }

    [Fact]
    public void Quarantine_holds_freed_objects_until_it_overflows()
    {
        using var m = Boot(quarantine: 4 * 48);
        var first = kmalloc(32, GFP_KERNEL);
        kfree(first);
        var reused = Enumerable.Range(0, 4).Select(_ => kmalloc(32, GFP_KERNEL)).ToList();
        Assert.DoesNotContain(first, reused); // still in quarantine: its slot is not handed out
        Assert.Throws<KernelOops>(() => first.ReadByte());
        foreach (var p in reused)
            kfree(p); // pushes `first` out of the quarantine
        Assert.Contains(first, Enumerable.Range(0, 8).Select(_ => kmalloc(32, GFP_KERNEL)).ToList());
    }

    [Fact]
    public void A_pointer_stored_in_another_allocation_keeps_it_referenced()
    {
        using var m = Boot();
        var outer = kmalloc(64, GFP_KERNEL);
        var inner = kmalloc(200, GFP_KERNEL);
        var far = vmalloc(10000);
        outer.WritePtr(8, inner);
        inner.WritePtr(192, far + 5000); // a pointer into the middle counts
        Assert.Empty(m.ScanLeaks(outer));
        outer.WritePtr(8, NULL);
        var leaks = m.ScanLeaks(outer);
        Assert.Equal([inner.Value, far.Value], leaks.Select(r => r.Address!.Value).Order());
        Assert.All(leaks, r => Assert.Equal("KMEM002", r.RuleId));
    }

    [Fact]
    public void A_pointer_in_a_module_static_keeps_it_referenced_until_dropped()
    {
        using var m = Boot();
        m.LoadModule(typeof(DroppedPointerModule));
        var list = kmalloc(16, GFP_KERNEL);
        DroppedPointerModule.Table.WritePtr(0, list);
        Assert.Empty(m.ScanLeaks());
        DroppedPointerModule.Table.WritePtr(0, NULL);
        Assert.Equal(list.Value, Assert.Single(m.ScanLeaks()).Address);
        kfree(list);
        kfree(DroppedPointerModule.Table);
        DroppedPointerModule.Table = NULL;
    }

    [Fact]
    public void With_every_check_off_nothing_is_recorded_or_reported_and_allocation_works()
    {
        using var m = Boot(DebugOptions.None);
        var lk = new spinlock_t();
        spin_lock(lk);
        var p = kmalloc(100, GFP_KERNEL);
        spin_unlock(lk);
        var big = kmalloc(64, GFP_KERNEL | __GFP_HIGHMEM);
        var v = vmalloc(3 * PAGE_SIZE);
        memset(p, 1, 100);
        memset(v, 2, 3 * PAGE_SIZE);
        Assert.Null(m.LiveAllocations()[0].StackTrace);
        Assert.Empty(m.ScanLeaks());
        kfree(p);
        kfree(big);
        vfree(v);
        Assert.Empty(m.Reports);
        Assert.Equal(m.TotalPages, m.FreePages);
    }
}
