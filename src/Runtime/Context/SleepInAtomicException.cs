namespace Kmem;

/// <summary>Thrown when something that may sleep runs in atomic context and <see cref="MachineOptions.ThrowOnSleepInAtomic"/> is set.</summary>
public sealed class SleepInAtomicException : KernelBugException
{
    /// <summary>Makes the exception for <paramref name="report"/>.</summary>
    public SleepInAtomicException(KernelReport report)
        : base(report) { }
}
