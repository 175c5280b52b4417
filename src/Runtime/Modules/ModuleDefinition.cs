using System;
using System.Linq;
using System.Reflection;

namespace Kmem;

/// <summary>What the loader finds on a module class: its name, licence and its <see cref="ModuleInitAttribute"/>/<see cref="ModuleExitAttribute"/> methods.</summary>
internal sealed record ModuleDefinition(Type ModuleClass, string Name, string? License, MethodInfo? Init, MethodInfo? Exit)
{
    private const BindingFlags AnyStatic = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    // The licences the kernel's license_is_gpl_compatible() accepts.
    private static readonly string[] gplCompatible =
        ["GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"];

    public bool IsGplCompatible => License is not null && gplCompatible.Contains(License);

    /// <summary>Reads the module class; a malformed one (two inits, a wrong signature) is a programming error and throws.</summary>
    public static ModuleDefinition Read(Type moduleClass)
    {
        ArgumentNullException.ThrowIfNull(moduleClass);
        var init = Single<ModuleInitAttribute>(moduleClass, typeof(int));
        var exit = Single<ModuleExitAttribute>(moduleClass, typeof(void));
        string? license = moduleClass.GetCustomAttribute<ModuleLicenseAttribute>()?.License;
        return new ModuleDefinition(moduleClass, moduleClass.Name, license, init, exit);
    }

    private static MethodInfo? Single<TAttribute>(Type moduleClass, Type returnType) where TAttribute : Attribute
    {
        var methods = moduleClass.GetMethods(AnyStatic).Where(m => m.IsDefined(typeof(TAttribute))).ToArray();
        string what = typeof(TAttribute).Name.Replace("Attribute", "");
        if (methods.Length > 1)
            throw new ArgumentException($"{moduleClass.Name} has more than one [{what}] method.", nameof(moduleClass));
        if (methods.Length == 0)
            return null;
        var method = methods[0];
        if (method.ReturnType != returnType || method.GetParameters().Length != 0 || method.IsGenericMethodDefinition)
            throw new ArgumentException($"[{what}] {moduleClass.Name}.{method.Name} must be static {(returnType == typeof(int) ? "int" : "void")} {method.Name}().", nameof(moduleClass));
        return method;
    }
}
