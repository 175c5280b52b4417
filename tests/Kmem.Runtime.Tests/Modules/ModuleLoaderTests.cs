using System;
using System.Linq;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Modules;

public class ModuleLoaderTests
{
    [ModuleLicense("GPL")]
    private static class HelloModule
    {
        [ModuleInit]
        private static int hello_init()
        {
            pr_info("hello\n");
            return 0;
        }

        [ModuleExit]
        private static void hello_exit() => pr_info("goodbye\n");
    }

    [ModuleLicense("GPL")]
    private static class FailingModule
    {
        public static bool ExitRan;

        [ModuleInit]
        private static int failing_init() => -ENOMEM;

        [ModuleExit]
        private static void failing_exit() => ExitRan = true;
    }

    private static class UnlicensedModule
    {
        [ModuleInit]
        private static int init() => 0;

        [ModuleExit]
        private static void exit() { }
    }

    [ModuleLicense("Proprietary")]
    private static class ProprietaryModule
    {
        [ModuleInit]
        private static int init() => 0;
    }

    [ModuleLicense("GPL")]
    private static class SleepyModule
    {
        private static readonly spinlock_t lk = new();

        [ModuleInit]
        private static int init()
        {
            spin_lock(lk);
            msleep(1);
            spin_unlock(lk);
            return 0;
        }

        [ModuleExit]
        private static void exit() { }
    }

    [ModuleLicense("GPL")]
    private static class PositiveInitModule
    {
        [ModuleInit]
        private static int init() => 1;

        [ModuleExit]
        private static void exit() { }
    }

    [ModuleLicense("GPL")]
    private static class MalformedModule
    {
        [ModuleInit]
        private static void init() { }
    }

    [Fact]
    public void Load_runs_init_and_unload_runs_exit()
    {
        using var m = Machine.Boot(new MachineOptions());
        var module = m.LoadModule(typeof(HelloModule));

        Assert.True(module.Succeeded);
        Assert.True(module.IsLoaded);
        Assert.Equal("HelloModule", module.Name);
        Assert.Equal("GPL", module.License);
        Assert.Equal([module], m.Modules);

        var unload = module.Unload();

        Assert.True(unload.Succeeded);
        Assert.Empty(unload.Leaks);
        Assert.Empty(m.Modules);
        Assert.Equal(["HelloModule: loading out-of-tree module taints kernel.", "hello", "goodbye"], m.DmesgRecords().Select(r => r.Text));
        Assert.Equal("O", m.Taint);
        Assert.Empty(m.Reports);
    }

    [Fact]
    public void A_negative_init_fails_the_load_as_insmod_reports_it()
    {
        using var m = Machine.Boot(new MachineOptions());
        var module = m.LoadModule(typeof(FailingModule));

        Assert.False(module.Succeeded);
        Assert.False(module.IsLoaded);
        Assert.Equal(-ENOMEM, module.InitResult);
        Assert.Equal("insmod: ERROR: could not insert module FailingModule.ko: Cannot allocate memory", module.Error);
        Assert.Empty(m.Modules);
        Assert.False(module.Unload().Succeeded);
        Assert.False(FailingModule.ExitRan);
    }

    [Fact]
    public void A_module_without_licence_taints_the_kernel()
    {
        using var m = Machine.Boot(new MachineOptions());
        Assert.True(m.LoadModule(typeof(UnlicensedModule)).Succeeded);
        var log = m.DmesgRecords().Select(r => r.Text).ToArray();
        Assert.Contains("UnlicensedModule: module license 'unspecified' taints kernel.", log);
        Assert.Contains("Disabling lock debugging due to kernel taint", log);
        Assert.Equal("PO", m.Taint);
    }

    [Fact]
    public void A_proprietary_module_taints_and_without_exit_cannot_be_unloaded()
    {
        using var m = Machine.Boot(new MachineOptions());
        var module = m.LoadModule(typeof(ProprietaryModule));
        Assert.Contains("ProprietaryModule: module license 'Proprietary' taints kernel.", m.DmesgRecords().Select(r => r.Text));

        var unload = module.Unload();

        Assert.Equal("rmmod: ERROR: could not remove module ProprietaryModule: Device or resource busy", unload.Error);
        Assert.True(module.IsLoaded);
    }

    [Fact]
    public void Loading_twice_fails_with_file_exists()
    {
        using var m = Machine.Boot(new MachineOptions());
        m.LoadModule(typeof(HelloModule));
        var second = m.LoadModule(typeof(HelloModule));
        Assert.Equal("insmod: ERROR: could not insert module HelloModule.ko: File exists", second.Error);
        Assert.Single(m.Modules);
    }

    [Fact]
    public void Init_runs_as_insmod_in_process_context()
    {
        using var m = Machine.Boot(new MachineOptions());
        m.LoadModule(typeof(SleepyModule));
        var report = Assert.Single(m.Reports);
        Assert.EndsWith("name: insmod", report.Details[0]);
        Assert.Contains("SleepyModule.init+0x", report.Stack);
    }

    [Fact]
    public void A_positive_init_result_loads_with_a_warning()
    {
        using var m = Machine.Boot(new MachineOptions());
        Assert.True(m.LoadModule(typeof(PositiveInitModule)).Succeeded);
        Assert.Contains("do_init_module: 'PositiveInitModule'->init suspiciously returned 1, it should follow 0/-E convention", m.DmesgRecords().Select(r => r.Text));
    }

    [Fact]
    public void A_malformed_module_class_is_rejected()
    {
        using var m = Machine.Boot(new MachineOptions());
        Assert.Throws<ArgumentException>(() => m.LoadModule(typeof(MalformedModule)));
    }
}
