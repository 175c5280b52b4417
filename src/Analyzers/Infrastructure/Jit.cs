using System.Runtime.CompilerServices;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// How the hot paths are compiled. The runtime first compiles a method without optimizations and recompiles the
/// ones called often later, on one background thread; in the compiler's process that thread is busy for the whole
/// build recompiling the compiler's own hot code, so an analyzer's methods were seen to run unoptimized from the first
/// body to the last (a csc run's JIT events: 732 of ours compiled at tier 0, none recompiled). The methods that run
/// for every body, operation or syntax node are marked to be compiled optimized at their first call instead.
/// A build that precompiles the assembly (<c>ReadyToRun.targets</c> defines <c>KMEM_READYTORUN</c>) leaves them
/// unmarked: the precompiler skips marked methods, and the runtime then spent ~0.4 s of each compile (JIT events)
/// compiling those 109 methods again.
/// </summary>
internal static class Jit
{
#if KMEM_READYTORUN
    /// <summary>No option: the precompiled image holds these methods optimized.</summary>
    public const MethodImplOptions Optimized = 0;
#else
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; runtimes that do not know it ignore it.</summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
#endif

    /// <summary>
    /// For the hot methods no precompiled image can hold: those that use a value type of another assembly whose layout
    /// may change (a syntax list's enumerator, a node-or-token) or are generic over one (a value tuple of syntax nodes).
    /// The precompiler leaves them out, and a csc run's JIT events listed them as the only methods of ours the compiler's
    /// process ran unoptimized (tier 0) or replaced midway (on-stack replacement); marked, they are compiled optimized at
    /// their first call in every build.
    /// </summary>
    public const MethodImplOptions OutsideImage = (MethodImplOptions)512;
}
