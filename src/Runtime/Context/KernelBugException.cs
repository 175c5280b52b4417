using System;

namespace Kmem;

/// <summary>A kernel bug that stops the code that caused it (a deadlock the simulation refuses to enter, or a bug configured to throw).</summary>
public class KernelBugException : Exception
{
    /// <summary>Makes the exception for <paramref name="report"/>.</summary>
    public KernelBugException(KernelReport report)
        : base(report.Message) => Report = report;

    /// <summary>The report the kernel logged for the bug.</summary>
    public KernelReport Report { get; }
}
