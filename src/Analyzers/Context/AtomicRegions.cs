using System.Collections.Generic;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Runs <see cref="AtomicRegionAnalysis"/> over a body and over every lambda and local function
/// nested in it (each starts outside any section: it runs when it is called, not where it is written).
/// </summary>
internal static class AtomicRegions
{
    /// <summary>Adds to <paramref name="facts"/> what the graph (and its nested bodies) shows.</summary>
    public static void Collect(ControlFlowGraph graph, KernelContract contract, RegionFacts facts)
    {
        var pending = new Stack<ControlFlowGraph>();
        pending.Push(graph);
        while (pending.Count > 0)
        {
            var cfg = pending.Pop();
            new AtomicRegionAnalysis(contract, facts).Run(cfg);
            foreach (var nested in Nested(cfg))
                pending.Push(nested);
        }
    }

    private static IEnumerable<ControlFlowGraph> Nested(ControlFlowGraph cfg)
    {
        foreach (var function in cfg.LocalFunctions)
            yield return cfg.GetLocalFunctionControlFlowGraph(function);
        foreach (var block in cfg.Blocks)
        {
            foreach (var root in Roots(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IFlowAnonymousFunctionOperation lambda)
                        yield return cfg.GetAnonymousFunctionControlFlowGraph(lambda);
                }
            }
        }
    }

    private static IEnumerable<IOperation> Roots(BasicBlock block)
    {
        foreach (var operation in block.Operations)
            yield return operation;
        if (block.BranchValue is { } branch)
            yield return branch;
    }
}
