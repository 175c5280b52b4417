using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;

namespace Kmem;

/// <summary>The call trace of a report: the kernel API and the machine's public entry points, and the frames of user code, in the kernel's " function+0xoffset [module]" form.</summary>
internal static class KernelStack
{
    private static readonly Assembly runtime = typeof(Machine).Assembly;

    public static string Capture() => Format(new StackTrace(1, false));

    public static string Format(StackTrace trace)
    {
        var lines = new List<string>();
        foreach (var frame in trace.GetFrames())
        {
            var method = frame.GetMethod();
            if (method is null)
                continue;
            var assembly = method.Module.Assembly;
            long offset = System.Math.Max(0, frame.GetILOffset());
            if (assembly == runtime)
            {
                if (method.DeclaringType == typeof(Kernel))
                    lines.Add($" {method.Name}+0x{offset:x}");
                else if (method.IsPublic && method.DeclaringType is { IsPublic: true } entryType)
                    lines.Add($" {entryType.Name}.{method.Name}+0x{offset:x}"); // host entry points: RaiseIrq, AdvanceTime, LoadModule
                continue;
            }
            if (IsFramework(assembly))
                continue;
            string type = method.DeclaringType?.Name ?? "";
            lines.Add($" {type}.{method.Name}+0x{offset:x} [{assembly.GetName().Name}]");
        }
        return string.Join("\n", lines);
    }

    private static bool IsFramework(Assembly assembly)
    {
        string name = assembly.GetName().Name ?? "";
        return name is "System" or "mscorlib" or "netstandard"
            || name.StartsWith("System.") || name.StartsWith("Microsoft.") || name.StartsWith("xunit");
    }
}
