using System;
using System.Threading;

namespace Kmem;

/// <summary>The name and id that reports give the running thread, like the kernel's <c>current-&gt;comm</c> and pid.</summary>
internal static class CurrentTask
{
    public static string Comm => Thread.CurrentThread.Name ?? "kthread";

    public static int Pid => Environment.CurrentManagedThreadId;
}
