using System.Runtime.CompilerServices;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// How the hot paths are compiled. The runtime first compiles a method without optimizations and recompiles the
/// ones called often later, on one background thread; in the compiler's process that thread is busy for the whole
/// build recompiling the compiler's own hot code, so an analyzer's methods were seen to run unoptimized from the first
/// body to the last (a csc run's JIT events: 732 of ours compiled at tier 0, none recompiled). The methods that run
/// for every body, operation or syntax node are marked to be compiled optimized at their first call instead.
/// Release builds also precompile the whole assembly (<c>ReadyToRun.targets</c>); the precompiled image leaves these
/// methods to the runtime's optimizing compiler, and the mark keeps them optimized where the image is not used.
/// </summary>
internal static class Jit
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; runtimes that do not know it ignore it.</summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
