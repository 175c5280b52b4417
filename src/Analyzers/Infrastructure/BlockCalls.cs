using System;
using System.Collections.Immutable;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// The invocations of one operation block (its lambdas and local functions included), each with its declared contract:
/// found by one walk of the block, the first time a rule asks, and shared by every rule. The rules that judge one call at
/// a time read this list instead of each walking the block and reading each call's contract again (a csc run: about
/// 0.1 s of CPU per rule and walk on a 100k-line corpus), and the flow rules skip a body none of whose calls allocates or
/// releases without building its graph.
/// </summary>
internal sealed class BlockCalls
{
    private static readonly ContractedCall[] NoCalls = new ContractedCall[0];

    /// <summary>
    /// The calls, in a plain array: the framework's immutable array and its builder over this struct are code no
    /// precompiled image holds, which the compiler's process ran unoptimized (a csc trace: half the walk's time).
    /// </summary>
    private readonly ContractedCall[] calls;

    private int mayHoldFacts;

    private BlockCalls(ContractedCall[] calls, int count, bool hasFunctions)
    {
        this.calls = calls;
        Count = count;
        HasFunctions = hasFunctions;
    }

    /// <summary>How many invocations the block has.</summary>
    public int Count { get; }

    /// <summary>The block's invocations, in the order of a walk of its operations (parents before their arguments).</summary>
    public ContractedCall this[int index] => index < Count ? calls[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Whether the block declares a lambda or a local function.</summary>
    public bool HasFunctions { get; }

    /// <summary>
    /// The calls of the block the driver hands an operation block action. Each thread keeps the blocks it walked last
    /// (<see cref="AnalysisSession.Handed"/>): the rules after the first find them there, and no table of every block of
    /// the compilation is built (its inserts and lookups cost more than the walks they saved). Blocks handed over
    /// otherwise are walked again, with the same result.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public static BlockCalls Of(AnalysisSession session, OperationBlockAnalysisContext block)
    {
        var last = session.Handed;
        var blocks = block.OperationBlocks;
        if (last.Calls is { } known && last.Blocks == blocks)
            return known;
        var walked = Walk(session, blocks);
        last.Keep(blocks, walked);
        return walked;
    }

    /// <summary>Calls <paramref name="action"/> for every invocation of the block, with its declared contract.</summary>
    [MethodImpl(Jit.OutsideImage)]
    public static void ForEach<TState>(AnalysisSession session, OperationBlockAnalysisContext block, TState state,
        Action<OperationBlockAnalysisContext, ContractedCall, TState> action)
    {
        var calls = Of(session, block);
        for (var i = 0; i < calls.Count; i++)
            action(block, calls.calls[i], state);
    }

    /// <summary>
    /// Whether the pointer-state analysis of the block's method can find anything: a parameter of a tracked type, a call
    /// that allocates or releases (by its contract, or by the summary of a source method), or a lambda or local function
    /// (analysed as bodies of their own). The analysis of any other body has no site, no release and no event.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public bool MayHoldFacts(AnalysisSession session, IMethodSymbol method)
    {
        if (mayHoldFacts == 0)
            mayHoldFacts = ComputeMayHoldFacts(session, method) ? 1 : -1;
        return mayHoldFacts > 0;
    }

    private bool ComputeMayHoldFacts(AnalysisSession session, IMethodSymbol method)
    {
        if (HasFunctions)
            return true;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && session.Contract.IsTrackedType(parameter.Type))
                return true;
        }
        for (var i = 0; i < Count; i++)
        {
            var call = calls[i];
            if (call.Contract.Allocation is not null || call.Contract.Release is not null)
                return true;
            if (call.Contract.IsEmpty && MethodSummaries.Of(session, call.Call.TargetMethod) is { } summary
                && (summary.Allocation is not null || summary.Release is not null))
                return true;
        }
        return false;
    }

    [MethodImpl(Jit.Optimized)]
    private static BlockCalls Walk(AnalysisSession session, ImmutableArray<IOperation> blocks)
    {
        var walk = new Walker(session.Contract);
        foreach (var root in blocks)
            walk.Visit(root);
        // Not the shared empty instance: it would carry one body's answer to MayHoldFacts to every other.
        return new BlockCalls(walk.Count == 0 ? NoCalls : walk.Calls, walk.Count, walk.HasFunctions);
    }

    /// <summary>One recursive walk over a block's operations (no iterator per operation).</summary>
    private sealed class Walker
    {
        private readonly KernelContract contract;

        public Walker(KernelContract contract) => this.contract = contract;

        public ContractedCall[] Calls { get; private set; } = NoCalls;
        public int Count { get; private set; }
        public bool HasFunctions { get; private set; }

        [MethodImpl(Jit.Optimized)]
        public void Visit(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation call:
                    Add(new ContractedCall(call, contract.Of(call.TargetMethod)));
                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    HasFunctions = true;
                    break;
            }
            foreach (var child in operation.ChildOperations)
                Visit(child);
        }

        private void Add(ContractedCall call)
        {
            if (Count == Calls.Length)
            {
                var larger = new ContractedCall[Math.Max(8, Count * 2)];
                Array.Copy(Calls, larger, Count);
                Calls = larger;
            }
            Calls[Count++] = call;
        }
    }
}

/// <summary>An invocation and the declared contract of the method it calls (<see cref="CallContract.Empty"/> when none).</summary>
internal readonly struct ContractedCall
{
    public ContractedCall(IInvocationOperation call, CallContract contract)
    {
        Call = call;
        Contract = contract;
    }

    public IInvocationOperation Call { get; }
    public CallContract Contract { get; }
}
