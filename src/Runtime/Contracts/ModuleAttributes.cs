using System;

namespace Kmem;

/// <summary>The module's init function, <c>static int init()</c>: a negative errno fails the load.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ModuleInitAttribute : Attribute { }

/// <summary>The module's exit function, <c>static void exit()</c>: runs at unload, only after a successful init.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ModuleExitAttribute : Attribute { }

/// <summary>The module's licence, as <c>MODULE_LICENSE</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModuleLicenseAttribute : Attribute
{
    /// <summary>Declares the licence.</summary>
    public ModuleLicenseAttribute(string license) => License = license;

    /// <summary>The licence string ("GPL").</summary>
    public string License { get; }
}
