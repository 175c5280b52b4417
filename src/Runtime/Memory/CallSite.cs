using System.Diagnostics;

namespace Kmem;

/// <summary>Names the code that called into the runtime, for reports that say "when called from".</summary>
internal static class CallSite
{
    public static string OutsideRuntime()
    {
        var runtime = typeof(CallSite).Assembly;
        foreach (var frame in new StackTrace(1, false).GetFrames())
        {
            var method = frame.GetMethod();
            if (method != null && method.DeclaringType?.Assembly != runtime)
                return method.DeclaringType?.Name + "." + method.Name;
        }
        return "(unknown)";
    }
}
