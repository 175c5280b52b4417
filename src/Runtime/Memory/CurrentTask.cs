using System;

namespace Kmem;

/// <summary>The name and id that reports give the running thread, like the kernel's <c>current-&gt;comm</c> and pid.</summary>
internal static class CurrentTask
{
    public static string Comm => Machine.Current.CurrentComm;

    public static int Pid => Environment.CurrentManagedThreadId;
}
