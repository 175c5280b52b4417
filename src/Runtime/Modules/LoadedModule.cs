using System;
using System.Collections.Generic;

namespace Kmem;

/// <summary>A module given to <see cref="Machine.LoadModule"/>: the outcome of its init and, while loaded, the handle to unload it.</summary>
public sealed class LoadedModule
{
    private readonly Machine machine;

    internal LoadedModule(Machine machine, ModuleDefinition definition, HashSet<Allocation> allocationsBefore)
    {
        this.machine = machine;
        Definition = definition;
        AllocationsBefore = allocationsBefore;
    }

    internal ModuleDefinition Definition { get; }

    /// <summary>What was allocated before init ran: the baseline of the leak check.</summary>
    internal HashSet<Allocation> AllocationsBefore { get; }

    /// <summary>The module's name (its class name).</summary>
    public string Name => Definition.Name;

    /// <summary>The class the module was loaded from.</summary>
    public Type ModuleClass => Definition.ModuleClass;

    /// <summary>Its <see cref="ModuleLicenseAttribute"/> licence, or null when it has none.</summary>
    public string? License => Definition.License;

    /// <summary>What init returned (0 when the module has no init); nothing ran when the load failed before init.</summary>
    public int InitResult { get; internal set; }

    /// <summary>Whether the module is loaded now.</summary>
    public bool IsLoaded { get; internal set; }

    /// <summary>insmod's error message when the load failed (<c>insmod: ERROR: could not insert module X.ko: Cannot allocate memory</c>); null on success.</summary>
    public string? Error { get; internal set; }

    /// <summary>Whether the load succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>What a failed init left allocated (reported by kmemleak); empty otherwise.</summary>
    public IReadOnlyList<LiveAllocation> Leaks { get; internal set; } = [];

    /// <summary>Unloads the module: see <see cref="Machine.UnloadModule"/>.</summary>
    public ModuleUnloadResult Unload() => machine.UnloadModule(this);
}
