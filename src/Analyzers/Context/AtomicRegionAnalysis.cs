using System.Collections.Generic;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Counts the atomic sections open at each call of one body (<c>[EntersAtomic]</c> opens one,
/// <c>[ExitsAtomic]</c> closes one) and records, in the reporting pass, the section around every
/// call made while one is open, and every exit made with no section of its own open (a helper that
/// releases its caller's lock).
/// </summary>
internal sealed class AtomicRegionAnalysis : ForwardFlowAnalysis<RegionState>
{
    private readonly KernelContract contract;
    private readonly RegionFacts facts;

    public AtomicRegionAnalysis(KernelContract contract, RegionFacts facts)
    {
        this.contract = contract;
        this.facts = facts;
    }

    protected override RegionState EntryState(ControlFlowGraph cfg) => RegionState.Outside;

    protected override RegionState Join(RegionState left, RegionState right) => RegionState.Join(left, right);

    protected override bool Same(RegionState left, RegionState right) => RegionState.Same(left, right);

    /// <summary>The block's operations, then its branch condition (a call in a condition runs in the same state).</summary>
    protected override RegionState Transfer(BasicBlock block, RegionState state)
    {
        foreach (var operation in block.Operations)
            state = Walk(operation, state);
        return block.BranchValue is { } branch ? Walk(branch, state) : state;
    }

    private RegionState Walk(IOperation root, RegionState state)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation call)
                continue;
            if (IsFinalPass && state.Outermost is { } section)
                facts.Inside[SyntaxKey.Of(call.Syntax)] = section;
            var callee = contract.Of(call.TargetMethod);
            if (callee.EntersAtomic)
            {
                state = state.Enter(new AtomicSection(call.TargetMethod, call.Syntax));
            }
            else if (callee.ExitsAtomic)
            {
                if (IsFinalPass && state.Depth == 0)
                    facts.UnbalancedExits.Add(SyntaxKey.Of(call.Syntax));
                state = state.Exit();
            }
        }
        return state;
    }
}
