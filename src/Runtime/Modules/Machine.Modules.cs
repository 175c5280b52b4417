using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Kmem;

public sealed partial class Machine
{
    private readonly List<LoadedModule> modules = new();

    /// <summary>The modules loaded now, in load order (<c>lsmod</c>).</summary>
    public IReadOnlyList<LoadedModule> Modules
    {
        get
        {
            lock (modules)
                return modules.ToArray();
        }
    }

    /// <summary>
    /// insmod: loads the module <paramref name="moduleClass"/> (a class with a static <c>[ModuleInit] int f()</c>,
    /// an optional <c>[ModuleExit] void f()</c>, and <c>[ModuleLicense]</c>; private methods allowed). Logs the taint
    /// messages, runs init in process context on the calling thread as task "insmod", and fails the load when init
    /// returns a negative errno, reporting what the failed init left allocated.
    /// </summary>
    /// <exception cref="ArgumentException">The class has two init or exit methods, or one with the wrong signature.</exception>
    public LoadedModule LoadModule(Type moduleClass)
    {
        var definition = ModuleDefinition.Read(moduleClass);
        var module = new LoadedModule(this, definition, LiveAllocationSet());
        lock (modules)
        {
            if (modules.Any(m => m.ModuleClass == moduleClass))
            {
                module.Error = InsmodError(definition.Name, ErrnoText.EEXIST);
                return module;
            }
        }
        LogTaints(definition);
        int ret = definition.Init is null ? 0 : RunAsTask("insmod", () => (int)definition.Init.Invoke(null, BindingFlags.DoNotWrapExceptions, null, null, null)!);
        module.InitResult = ret;
        if (ret < 0)
        {
            module.Error = InsmodError(definition.Name, -ret);
            module.Leaks = ReportModuleLeaks(module, "KMEM002");
            return module;
        }
        if (ret > 0)
            Log(LogLevel.Warning, $"do_init_module: '{definition.Name}'->init suspiciously returned {ret}, it should follow 0/-E convention");
        module.IsLoaded = true;
        lock (modules)
            modules.Add(module);
        return module;
    }

    /// <summary>
    /// rmmod: runs the module's exit as task "rmmod", then runs a kmemleak scan without the module's statics as roots and
    /// reports (KMEM009) every unreferenced allocation made since its init. A module without exit cannot be unloaded.
    /// </summary>
    public ModuleUnloadResult UnloadModule(LoadedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        lock (modules)
        {
            if (!module.IsLoaded || !modules.Contains(module))
                return new ModuleUnloadResult(false, $"rmmod: ERROR: Module {module.Name} is not currently loaded", []);
            if (module.Definition.Exit is null)
                return new ModuleUnloadResult(false, $"rmmod: ERROR: could not remove module {module.Name}: {ErrnoText.Describe(Kernel.EBUSY)}", []);
            modules.Remove(module);
            module.IsLoaded = false;
        }
        var exit = module.Definition.Exit;
        RunAsTask("rmmod", () => exit.Invoke(null, BindingFlags.DoNotWrapExceptions, null, null, null));
        return new ModuleUnloadResult(true, null, ReportModuleLeaks(module, "KMEM009"));
    }

    private static string InsmodError(string name, int errno) =>
        $"insmod: ERROR: could not insert module {name}.ko: {ErrnoText.Describe(errno)}";

    private void LogTaints(ModuleDefinition definition)
    {
        if (AddTaint('O'))
            Log(LogLevel.Warning, $"{definition.Name}: loading out-of-tree module taints kernel.");
        if (definition.IsGplCompatible)
            return;
        Log(LogLevel.Warning, $"{definition.Name}: module license '{definition.License ?? "unspecified"}' taints kernel.");
        if (AddTaint('P'))
            Log(LogLevel.Warning, "Disabling lock debugging due to kernel taint");
    }

    private T RunAsTask<T>(string comm, Func<T> body)
    {
        var ctx = Context;
        string? saved = ctx.Comm;
        ctx.Comm = comm;
        try
        {
            return body();
        }
        finally
        {
            ctx.Comm = saved;
        }
    }

    private HashSet<Allocation> LiveAllocationSet()
    {
        var live = new List<Allocation>();
        Memory.CollectLive(live);
        return live.ToHashSet();
    }

    /// <summary>
    /// A kmemleak scan with the module gone (its statics are no longer roots): what it allocated since its init and
    /// nothing references any more is leaked, and reported with <paramref name="ruleId"/>.
    /// </summary>
    private IReadOnlyList<LiveAllocation> ReportModuleLeaks(LoadedModule module, string ruleId)
    {
        var leaks = FindLeaks(Modules.Select(m => m.ModuleClass), []).Where(a => !module.AllocationsBefore.Contains(a)).ToList();
        ReportLeaks(leaks, ruleId, module.Name);
        return leaks.Select(a => a.ToLiveAllocation()).ToArray();
    }
}
