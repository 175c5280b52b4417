using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Context;

/// <summary>One call in a method body.</summary>
internal sealed class CallSite
{
    public CallSite(IInvocationOperation operation) => Operation = operation;

    public IInvocationOperation Operation { get; }

    public IMethodSymbol Target => Operation.TargetMethod;

    /// <summary>The called method's node when it is a source method of the compilation.</summary>
    public MethodNode? Callee { get; set; }

    /// <summary>The atomic section of the caller that is open around the call, if any.</summary>
    public AtomicSection? Section { get; set; }

    /// <summary>Why the call may sleep; null when it does not (by itself: a source callee is analysed on its own).</summary>
    public SleepingCall? Sleep { get; set; }
}
