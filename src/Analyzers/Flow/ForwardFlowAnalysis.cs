using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// A forward dataflow analysis over Roslyn's <see cref="ControlFlowGraph"/>: abstract states are
/// joined where paths merge, each branch condition refines the state on its two edges, and loops
/// run to a fixed point. Work is proportional to blocks times the lattice height, never to the
/// number of paths. After the fixed point, every reachable block is transferred once more with
/// <see cref="IsFinalPass"/> set, so that clients report from stable states only (a finally block
/// may be transferred once per edge through it: clients deduplicate their reports). A graph whose
/// edges all lead forward (most bodies: no loop) reaches each block once, after all its predecessors,
/// so its first pass is already the reporting pass.
/// </summary>
/// <typeparam name="TState">An immutable abstract state; null stands for "unreachable".</typeparam>
internal abstract class ForwardFlowAnalysis<TState> where TState : class
{
    private int finallyDepth;
    private bool hasFinally;

    /// <summary>True while the last, reporting pass runs.</summary>
    protected bool IsFinalPass { get; private set; }

    /// <summary>True while a finally region's blocks are transferred: the only blocks a pass may transfer more than once.</summary>
    protected bool InFinally => finallyDepth > 0;

    /// <summary>The state on entry to the method.</summary>
    protected abstract TState EntryState(ControlFlowGraph cfg);

    /// <summary>The least upper bound of two states.</summary>
    protected abstract TState Join(TState left, TState right);

    /// <summary>Whether two states are equal (the fixed-point test).</summary>
    protected abstract bool Same(TState left, TState right);

    /// <summary>The effect of the block's operations (not of its branch).</summary>
    protected abstract TState Transfer(BasicBlock block, TState state);

    /// <summary>The state on the edge where <paramref name="condition"/> evaluated to <paramref name="value"/>.</summary>
    [MethodImpl(Jit.Optimized)]
    protected virtual TState Refine(IOperation condition, bool value, TState state) => state;

    /// <summary>
    /// The effect of following <paramref name="branch"/> out of <paramref name="source"/> (leaving scopes,
    /// reaching the exit); <paramref name="condition"/> is the branch value on a conditional edge, null otherwise.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    protected virtual TState Traverse(BasicBlock source, ControlFlowBranch branch, (IOperation Condition, bool Value)? condition, TState state) => state;

    /// <summary>Runs the analysis to its fixed point, then the reporting pass.</summary>
    [MethodImpl(Jit.Optimized)]
    public FlowResult<TState> Run(ControlFlowGraph cfg)
    {
        var blocks = cfg.Blocks;
        var input = new TState?[blocks.Length];
        var output = new TState?[blocks.Length];
        input[0] = EntryState(cfg);
        hasFinally = HasFinally(cfg.Root);

        // Blocks are numbered in a topological-ish order; a queue ordered by ordinal visits loop bodies
        // before their exits and so reaches the fixed point in few rounds.
        var pending = new BlockWorklist(blocks.Length);
        pending.Add(0);
        var forwardOnly = EdgesLeadForward(blocks);
        IsFinalPass = forwardOnly;
        while (!pending.IsEmpty)
        {
            var ordinal = pending.TakeLowest();
            var block = blocks[ordinal];
            var state = input[ordinal];
            if (state is null)
                continue;

            var after = Transfer(block, state);
            output[ordinal] = after;
            var (first, second) = Successors(block, after, cfg);
            if (first is { } edge)
                Merge(input, pending, edge.Target, edge.State);
            if (second is { } other)
                Merge(input, pending, other.Target, other.State);
            SeedHandlers(block, state, cfg, input, pending);
        }

        IsFinalPass = true;
        for (var i = 0; i < blocks.Length && !forwardOnly; i++)
        {
            if (input[i] is not { } state)
                continue;
            output[i] = Transfer(blocks[i], state);
            // Following the edges runs the finally regions they pass through in the reporting pass too.
            Successors(blocks[i], output[i]!, cfg);
        }
        IsFinalPass = false;
        return new FlowResult<TState>(cfg, input, output);
    }

    [MethodImpl(Jit.Optimized)]
    private static bool HasFinally(ControlFlowRegion region)
    {
        if (region.Kind == ControlFlowRegionKind.Finally)
            return true;
        foreach (var nested in region.NestedRegions)
        {
            if (HasFinally(nested))
                return true;
        }
        return false;
    }

    /// <summary>Whether every edge leads to a block of a higher ordinal: then the ordinal order visits each block once, with its final input.</summary>
    [MethodImpl(Jit.Optimized)]
    private static bool EdgesLeadForward(ImmutableArray<BasicBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.ConditionalSuccessor?.Destination is { } taken && taken.Ordinal <= block.Ordinal
                || block.FallThroughSuccessor?.Destination is { } next && next.Ordinal <= block.Ordinal)
                return false;
        }
        return true;
    }

    [MethodImpl(Jit.Optimized)]
    private void Merge(TState?[] input, BlockWorklist pending, int target, TState state)
    {
        var old = input[target];
        var merged = old is null ? state : Join(old, state);
        if (old is null || !Same(old, merged))
        {
            input[target] = merged;
            pending.Add(target);
        }
    }

    /// <summary>The states on the block's (at most two) outgoing edges, each with its target's ordinal.</summary>
    [MethodImpl(Jit.Optimized)]
    private ((int Target, TState State)? First, (int Target, TState State)? Second) Successors(BasicBlock block, TState state, ControlFlowGraph cfg)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is null)
            return (Follow(block, block.FallThroughSuccessor, null, state, cfg), null);

        var takenWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        var taken = Follow(block, block.ConditionalSuccessor, (block.BranchValue, takenWhen), Refine(block.BranchValue, takenWhen, state), cfg);
        var fallThrough = Follow(block, block.FallThroughSuccessor, (block.BranchValue, !takenWhen), Refine(block.BranchValue, !takenWhen, state), cfg);
        return (taken, fallThrough);
    }

    [MethodImpl(Jit.Optimized)]
    private (int Target, TState State)? Follow(BasicBlock source, ControlFlowBranch? branch, (IOperation, bool)? condition, TState state, ControlFlowGraph cfg)
    {
        if (branch?.Destination is not { } destination)
            return null;
        // Roslyn builds a branch's finally regions on first request: not asked where there are none.
        if (hasFinally && !ReferenceEquals(source.EnclosingRegion, destination.EnclosingRegion))
        {
            foreach (var region in branch.FinallyRegions)
                state = ThroughFinally(region, state, cfg);
        }
        state = Traverse(source, branch, condition, state);
        return (destination.Ordinal, state);
    }

    /// <summary>Runs a finally region on its own from <paramref name="state"/> and returns the state at its end.</summary>
    [MethodImpl(Jit.Optimized)]
    private TState ThroughFinally(ControlFlowRegion region, TState state, ControlFlowGraph cfg)
    {
        var blocks = cfg.Blocks;
        var local = new Dictionary<int, TState> { [region.FirstBlockOrdinal] = state };
        TState? end = null;
        finallyDepth++;
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            if (!local.TryGetValue(ordinal, out var input))
                continue;
            var block = blocks[ordinal];
            var after = Transfer(block, input);
            if (block.FallThroughSuccessor is { Destination: null })
                end = end is null ? after : Join(end, after);
            var (first, second) = Successors(block, after, cfg);
            Carry(first, ordinal);
            Carry(second, ordinal);
        }
        finallyDepth--;
        return end ?? state;

        // An edge within the region, forward, carries its state on.
        void Carry((int Target, TState State)? edge, int from)
        {
            if (edge is ({ } target, { } edgeState) && target > from && target <= region.LastBlockOrdinal)
                local[target] = local.TryGetValue(target, out var old) ? Join(old, edgeState) : edgeState;
        }
    }

    /// <summary>A catch handler starts with the state at the start of its try block.</summary>
    [MethodImpl(Jit.Optimized)]
    private static void SeedHandlers(BasicBlock block, TState state, ControlFlowGraph cfg, TState?[] input, BlockWorklist pending)
    {
        var region = block.EnclosingRegion;
        if (region.Kind != ControlFlowRegionKind.Try || region.FirstBlockOrdinal != block.Ordinal || region.EnclosingRegion is not { } tryCatch)
            return;
        foreach (var handler in tryCatch.NestedRegions)
        {
            if (handler.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Filter
                && input[handler.FirstBlockOrdinal] is null)
            {
                input[handler.FirstBlockOrdinal] = state;
                pending.Add(handler.FirstBlockOrdinal);
            }
        }
    }
}

/// <summary>The states at the entry and exit of every block; null for unreachable blocks.</summary>
internal sealed class FlowResult<TState> where TState : class
{
    private readonly TState?[] input;
    private readonly TState?[] output;

    [MethodImpl(Jit.Optimized)]
    public FlowResult(ControlFlowGraph cfg, TState?[] input, TState?[] output)
    {
        Graph = cfg;
        this.input = input;
        this.output = output;
    }

    public ControlFlowGraph Graph { get; }

    [MethodImpl(Jit.Optimized)]
    public TState? Before(BasicBlock block) => input[block.Ordinal];

    [MethodImpl(Jit.Optimized)]
    public TState? After(BasicBlock block) => output[block.Ordinal];

    /// <summary>The state when the method returns normally (the exit block's input).</summary>
    public TState? Exit => input[Graph.Blocks.Length - 1];
}
