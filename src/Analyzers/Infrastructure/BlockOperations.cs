using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// The rules that judge one operation at a time (each <c>if</c>) visit them from an operation block action rather than
/// an operation action. The driver dispatches an operation action separately for every matching operation of the
/// compilation, with per-call bookkeeping that cost a command-line build more than the rules' own checks (traces of
/// csc: about 2 s of driver time for seven rules on a 100k-line corpus); a block action is dispatched once per body, and
/// walking the body's operations here is a few virtual calls per node. Rules that judge calls read
/// <see cref="BlockCalls"/>, one walk shared by all of them.
/// </summary>
internal static class BlockOperations
{
    /// <summary>Calls <paramref name="action"/> for every operation of <paramref name="kind"/> in the block, lambdas and local functions included.</summary>
    [MethodImpl(Jit.Optimized)]
    public static void ForEach<TState>(OperationBlockAnalysisContext block, OperationKind kind, TState state,
        Action<OperationBlockAnalysisContext, IOperation, TState> action)
    {
        foreach (var root in block.OperationBlocks)
            Walk(root, block, kind, state, action);
    }

    [MethodImpl(Jit.Optimized)]
    private static void Walk<TState>(IOperation operation, OperationBlockAnalysisContext block, OperationKind kind, TState state,
        Action<OperationBlockAnalysisContext, IOperation, TState> action)
    {
        if (operation.Kind == kind)
            action(block, operation, state);
        foreach (var child in operation.ChildOperations)
            Walk(child, block, kind, state, action);
    }
}
