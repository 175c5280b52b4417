using System;
using System.Linq;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Debug;

/// <summary>Each KMEM mistake, run under the simulated kernel, produces exactly its report with the rule's ID; its corrected twin produces none.</summary>
public class CrossCheckTests
{
    private static Machine Boot() => Machine.Boot(new MachineOptions { RamBytes = 64L << 20, OopsOnBadFree = false });

    private static void LoadAndUnload(Machine m, Type module)
    {
        var loaded = m.LoadModule(module);
        if (loaded.IsLoaded)
            loaded.Unload(); // modules without exit stay loaded, as rmmod refuses them

    }

    /// <summary>The one report of the mistake; a bad release also leaves its memory behind, which kmemleak reports at unload (KMEM009).</summary>
    private static KernelReport Single(Machine m, KernelReportKind kind, string ruleId, string text, bool leaksWhatItFailedToFree = false)
    {
        var reports = m.Reports;
        var report = Assert.Single(reports, r => r.RuleId == ruleId);
        Assert.Equal(kind, report.Kind);
        Assert.Contains(text, report.Message + "\n" + string.Join("\n", report.Details));
        var others = reports.Where(r => r != report).ToList();
        if (leaksWhatItFailedToFree)
            Assert.All(others, r => Assert.Equal(("KMEM009", KernelReportKind.MemoryLeak), (r.RuleId, r.Kind)));
        else
            Assert.Empty(others);
        Assert.Contains(m.Dmesg(), line => line.Contains(report.Message));
        return report;
    }

    [Fact]
    public void KMEM001_sleeping_allocation_under_a_spinlock()
    {
        using var m = Boot();
        LoadAndUnload(m, typeof(SleepInAtomicModule));
        var report = Single(m, KernelReportKind.SleepInAtomic, "KMEM001", "BUG: sleeping function called from invalid context at kmalloc");
        Assert.Contains("in_atomic(): 1, irqs_disabled(): 0", report.Details[0]);
        Assert.Contains("name: insmod", report.Details[0]);
        Assert.Contains("SleepInAtomicModule.init", report.Stack);
    }

    [Fact]
    public void KMEM001_sleeping_allocation_in_an_irq_handler()
    {
        using var m = Boot();
        IrqSleepModule.Fixed = false;
        var module = m.LoadModule(typeof(IrqSleepModule));
        m.RaiseIrq(IrqSleepModule.Irq);
        module.Unload();
        var report = Single(m, KernelReportKind.SleepInAtomic, "KMEM001", "in_atomic(): 1, irqs_disabled(): 1");
        Assert.Contains("IrqSleepModule.handler", report.Stack);
    }

    [Fact]
    public void KMEM002_allocation_lost_on_an_error_path()
    {
        using var m = Boot();
        var module = m.LoadModule(typeof(ErrorPathLeakModule));
        Assert.False(module.Succeeded);
        var report = Single(m, KernelReportKind.MemoryLeak, "KMEM002", "unreferenced object 0x");
        Assert.Equal(100, report.Size);
        Assert.Contains("(size 100):", report.Message);
        Assert.Contains("ErrorPathLeakModule.init", report.Stacks["allocated"]);
        Assert.Contains("  backtrace:", report.Details);
        Assert.Single(module.Leaks);
    }

    [Fact]
    public void KMEM002_pointer_dropped_while_the_module_is_loaded()
    {
        using var m = Boot();
        var module = m.LoadModule(typeof(DroppedPointerModule));
        Assert.Empty(m.ScanLeaks());
        var table = DroppedPointerModule.Table;
        DroppedPointerModule.Table = NULL;
        var report = Assert.Single(m.ScanLeaks());
        Assert.Equal(("KMEM002", table.Value), (report.RuleId, report.Address));
        Assert.Empty(m.ScanLeaks()); // kmemleak reports a block once
        DroppedPointerModule.Table = table;
        module.Unload();
        Single(m, KernelReportKind.MemoryLeak, "KMEM002", "(size 256)");
    }

    [Fact]
    public void KMEM003_kfree_of_vmalloc_memory()
    {
        using var m = Boot();
        LoadAndUnload(m, typeof(WrongFamilyModule));
        Single(m, KernelReportKind.InvalidFree, "KMEM003", "BUG: KASAN: invalid-free in kfree", leaksWhatItFailedToFree: true);
    }

    [Fact]
    public void KMEM004_free_pages_with_the_wrong_order()
    {
        using var m = Boot();
        LoadAndUnload(m, typeof(WrongOrderModule));
        Single(m, KernelReportKind.BadPageState, "KMEM004", "freed with order 1, allocated with order 2", leaksWhatItFailedToFree: true);
        Assert.StartsWith("BUG: Bad page state in process rmmod", m.Reports[0].Message);
    }

    [Fact]
    public void KMEM006_use_of_a_failed_allocation()
    {
        using var m = Boot();
        Assert.Throws<KernelOops>(() => m.LoadModule(typeof(NullUseModule)));
        Single(m, KernelReportKind.NullDereference, "KMEM006", "BUG: kernel NULL pointer dereference, address: 00000000");
    }

    [Fact]
    public void KMEM007_double_kfree()
    {
        using var m = Boot();
        LoadAndUnload(m, typeof(DoubleFreeModule));
        var report = Single(m, KernelReportKind.DoubleFree, "KMEM007", "BUG: KASAN: double-free in kfree");
        Assert.Contains("DoubleFreeModule.init", report.Stacks["allocated"]);
        Assert.Contains("DoubleFreeModule.init", report.Stacks["freed"]);
        Assert.Contains(" which belongs to the cache kmalloc-32 of size 32", report.Details);
    }

    [Fact]
    public void KMEM008_write_after_kfree()
    {
        using var m = Boot();
        var oops = Assert.Throws<KernelOops>(() => m.LoadModule(typeof(UseAfterFreeModule)));
        var report = Single(m, KernelReportKind.UseAfterFree, "KMEM008", "BUG: KASAN: slab-use-after-free in WriteInt32");
        Assert.Same(report, oops.Report);
        Assert.Contains("Write of size 4 at addr", report.Details[0]);
        Assert.Contains("by task insmod/", report.Details[0]);
        Assert.Contains("Freed by task", string.Join("\n", report.Details));
        Assert.Contains(" 4 bytes inside of", string.Join("\n", report.Details));
    }

    [Fact]
    public void KMEM009_module_exit_that_keeps_its_memory()
    {
        using var m = Boot();
        var module = m.LoadModule(typeof(ExitLeakModule));
        Assert.Empty(m.ScanLeaks()); // referenced from the loaded module's static field
        var unload = module.Unload();
        var report = Single(m, KernelReportKind.MemoryLeak, "KMEM009", "(size 64)");
        Assert.Equal(report.Address, Assert.Single(unload.Leaks).Address);
        Assert.Contains("  module \"ExitLeakModule\", allocated by kmalloc (Kmalloc)", report.Details);
    }

    [Fact]
    public void KMEM010_kmalloc_above_KMALLOC_MAX_SIZE()
    {
        using var m = Boot();
        Assert.False(m.LoadModule(typeof(TooLargeModule)).Succeeded);
        Single(m, KernelReportKind.Warning, "KMEM010", "order:11 > MAX_PAGE_ORDER (10)");
    }

    [Fact]
    public void KMEM010_page_order_above_MAX_PAGE_ORDER()
    {
        using var m = Boot();
        Assert.False(m.LoadModule(typeof(OrderTooHighModule)).Succeeded);
        Single(m, KernelReportKind.Warning, "KMEM010", "__get_free_pages: order:11 > MAX_PAGE_ORDER (10)");
    }

    [Fact]
    public void KMEM011_GFP_HIGHMEM_to_kmalloc()
    {
        using var m = Boot();
        LoadAndUnload(m, typeof(HighmemKmallocModule));
        Single(m, KernelReportKind.Warning, "KMEM011", "Unexpected gfp: 0x2(__GFP_HIGHMEM). Fixing up to gfp: 0xcc0(GFP_KERNEL). Fix your code!");
    }

    [Theory]
    [InlineData(typeof(SleepInAtomicFixed))]
    [InlineData(typeof(ErrorPathLeakFixed))]
    [InlineData(typeof(WrongFamilyFixed))]
    [InlineData(typeof(WrongOrderFixed))]
    [InlineData(typeof(NullUseFixed))]
    [InlineData(typeof(DoubleFreeFixed))]
    [InlineData(typeof(UseAfterFreeFixed))]
    [InlineData(typeof(ExitLeakFixed))]
    [InlineData(typeof(TooLargeFixed))]
    [InlineData(typeof(HighmemKmallocFixed))]
    public void The_corrected_twin_produces_no_report(Type module)
    {
        using var m = Boot();
        LoadAndUnload(m, module);
        Assert.Empty(m.ScanLeaks());
        Assert.Empty(m.Reports);
        Assert.Empty(m.LiveAllocations());
    }

    [Fact]
    public void The_corrected_irq_handler_produces_no_report()
    {
        using var m = Boot();
        IrqSleepModule.Fixed = true;
        var module = m.LoadModule(typeof(IrqSleepModule));
        m.RaiseIrq(IrqSleepModule.Irq);
        module.Unload();
        Assert.Empty(m.Reports);
    }
}
