using System.Collections.Generic;
using System.Collections.Immutable;
using Kmem.Analyzers.Model;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Finds the gfp-forwarding wrappers: a method forwards its parameter p when it passes p (possibly
/// OR-ed with other bits) to the <c>[Gfp]</c> parameter of an allocator, or to a parameter another
/// wrapper forwards. A worklist runs to the fixed point; summaries only grow, so each method is
/// revisited at most once per parameter it gains.
/// </summary>
internal static class GfpForwarding
{
    public static void Compute(CallGraph graph, KernelContract contract, GfpEvaluator evaluator)
    {
        var callers = Callers(graph);
        var pending = new Queue<MethodNode>();
        var queued = new HashSet<MethodNode>();
        foreach (var node in graph.Nodes)
        {
            if (node.Symbol.Parameters.Length > 0 && queued.Add(node))
                pending.Enqueue(node);
        }
        while (pending.Count > 0)
        {
            var node = pending.Dequeue();
            queued.Remove(node);
            if (!Summarize(node, contract, evaluator) || !callers.TryGetValue(node, out var affected))
                continue;
            foreach (var caller in affected)
            {
                if (caller.Symbol.Parameters.Length > 0 && queued.Add(caller))
                    pending.Enqueue(caller);
            }
        }
    }

    /// <summary>The gfp inputs of a call: the callee's <c>[Gfp]</c> parameter, and the parameters a source callee forwards, each with its chain.</summary>
    public static IEnumerable<(int Ordinal, ImmutableArray<string> Chain)> Inputs(CallSite call, KernelContract contract)
    {
        var callee = contract.Of(call.Target);
        if (callee.GfpParameter >= 0 && !callee.MightSleep)
            yield return (callee.GfpParameter, ImmutableArray.Create(call.Target.Name));
        if (call.Callee is { } node)
        {
            foreach (var forwarded in node.ForwardedGfp)
                yield return (forwarded.Key, forwarded.Value.Insert(0, node.Name));
        }
    }

    /// <summary>Adds the parameters the node forwards; true when it gained any.</summary>
    private static bool Summarize(MethodNode node, KernelContract contract, GfpEvaluator evaluator)
    {
        var changed = false;
        foreach (var call in node.Calls)
        {
            foreach (var (ordinal, chain) in Inputs(call, contract))
            {
                var mask = evaluator.Evaluate(CallContract.Argument(call.Operation, ordinal), node.Symbol);
                foreach (var parameter in mask.Forwarded)
                {
                    if (!node.ForwardedGfp.ContainsKey(parameter))
                    {
                        node.ForwardedGfp[parameter] = chain;
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    private static Dictionary<MethodNode, List<MethodNode>> Callers(CallGraph graph)
    {
        var callers = new Dictionary<MethodNode, List<MethodNode>>();
        foreach (var node in graph.Nodes)
        {
            foreach (var call in node.Calls)
            {
                if (call.Callee is not { } callee)
                    continue;
                if (!callers.TryGetValue(callee, out var list))
                    callers[callee] = list = new List<MethodNode>();
                list.Add(node);
            }
        }
        return callers;
    }
}
