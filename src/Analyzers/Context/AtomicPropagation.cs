using System.Collections.Generic;
using Kmem.Analyzers.Model;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Marks every method that runs in atomic context, with the shortest chain that proves it: a
/// breadth-first search from the roots (atomic callback registrations, then <c>[Atomic]</c>
/// methods), to which the callees of calls made inside an atomic section join at the first level.
/// Atomic context does not flow through a call that is itself reported as sleeping (the report is
/// at that call), nor from a caller's section into a method that releases it (what follows the
/// release is not atomic). Each node is visited once: the search is linear in the size of the graph.
/// </summary>
internal static class AtomicPropagation
{
    public static void Run(CallGraph graph, KernelContract contract)
    {
        var level = Roots(graph, contract);
        var next = new List<MethodNode>();
        foreach (var node in level)
            Propagate(node, next);
        foreach (var node in graph.Nodes)
            SeedSections(node, next);

        while (next.Count > 0)
        {
            level = next;
            next = new List<MethodNode>();
            foreach (var node in level)
                Propagate(node, next);
        }
    }

    private static List<MethodNode> Roots(CallGraph graph, KernelContract contract)
    {
        var roots = new List<MethodNode>();
        foreach (var registration in graph.Registrations)
        {
            foreach (var handler in registration.Handlers(graph.Bindings))
            {
                if (graph.Find(handler) is { Atomic: null } node)
                {
                    node.Atomic = new AtomicReason(registration.Describe(node.Name), node.Name, null);
                    roots.Add(node);
                }
            }
        }
        foreach (var node in graph.Nodes)
        {
            if (node.Atomic is null && contract.Of(node.Symbol).IsAtomic)
            {
                node.Atomic = new AtomicReason($"{node.Name} runs in atomic context (marked [Atomic])", node.Name, null);
                roots.Add(node);
            }
        }
        return roots;
    }

    private static void Propagate(MethodNode caller, List<MethodNode> next)
    {
        foreach (var call in caller.Calls)
        {
            if (call is { Sleep: null, Callee: { Atomic: null } callee } && !(caller.Atomic!.FromSection && callee.ReleasesCallerSection))
            {
                callee.Atomic = caller.Atomic!.Through(callee.Name);
                next.Add(callee);
            }
        }
    }

    private static void SeedSections(MethodNode caller, List<MethodNode> next)
    {
        foreach (var call in caller.Calls)
        {
            if (call is { Sleep: null, Section: { } section, Callee: { Atomic: null, ReleasesCallerSection: false } callee })
            {
                callee.Atomic = new AtomicReason(section.Describe(caller.Name), caller.Name, null, fromSection: true).Through(callee.Name);
                next.Add(callee);
            }
        }
    }
}
