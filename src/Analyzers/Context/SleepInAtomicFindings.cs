using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>
/// The KMEM001 findings of a compilation, computed once, on the first query (the threads that query meanwhile help): the call
/// graph, the gfp-forwarding summaries, the sleeping calls, the atomic propagation, then one
/// finding per sleeping call reached in atomic context.
/// </summary>
/// <remarks>
/// Where a finding is reported: at the call that sleeps by itself, inside the method that atomic
/// context reaches (for <c>rx_irq -> refill_ring -> kmalloc</c>, at the <c>kmalloc</c> in
/// <c>refill_ring</c>), once, with the shortest chain from a root. A wrapper that forwards its gfp
/// parameter is reported at the call that passes the reclaiming constant, naming the chain
/// through the wrapper.
/// </remarks>
internal sealed class SleepInAtomicFindings
{
    private readonly SharedComputation<Dictionary<SyntaxKey, SleepFinding>> findings;

    private SleepInAtomicFindings(AnalysisSession session) =>
        findings = new SharedComputation<Dictionary<SyntaxKey, SleepFinding>>(work => Of(session, ReachableWalk.Build(session, work)));

    /// <summary>The findings of the session's compilation (one instance per session).</summary>
    public static SleepInAtomicFindings For(AnalysisSession session) =>
        session.Index(static s => new SleepInAtomicFindings(s));

    /// <summary>The finding at a call, or null.</summary>
    public SleepFinding? At(SyntaxNode call) => findings.Value.TryGetValue(SyntaxKey.Of(call), out var finding) ? finding : null;

    /// <summary>The findings on a call graph (the reachable part, or the whole one in tests).</summary>
    internal static Dictionary<SyntaxKey, SleepFinding> Of(AnalysisSession session, CallGraph graph)
    {
        var contract = session.Contract;
        var evaluator = new GfpEvaluator(contract.Gfp);
        GfpForwarding.Compute(graph, contract, evaluator);

        var classifier = new SleepClassifier(contract, evaluator);
        foreach (var node in graph.Nodes)
        {
            foreach (var call in node.Calls)
                call.Sleep = classifier.Classify(call, node);
        }
        AtomicPropagation.Run(graph, contract);
        return Collect(graph, new GfpFixPlanner(contract));
    }

    private static Dictionary<SyntaxKey, SleepFinding> Collect(CallGraph graph, GfpFixPlanner fixes)
    {
        var result = new Dictionary<SyntaxKey, SleepFinding>();
        foreach (var node in graph.Nodes)
        {
            foreach (var call in node.Calls)
            {
                if (call.Sleep is not { } sleep)
                    continue;
                var reason = node.Atomic ?? (call.Section is { } section ? new AtomicReason(section.Describe(node.Name), node.Name, null) : null);
                if (reason is null)
                    continue;
                var chain = reason.Path();
                chain.AddRange(sleep.Chain);
                result[SyntaxKey.Of(call.Operation.Syntax)] = new SleepFinding(sleep.What, reason.Why, string.Join(" -> ", chain), fixes.Plan(sleep.GfpArgument));
            }
        }
        return result;
    }
}
