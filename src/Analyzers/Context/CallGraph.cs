using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>The call graph of a compilation's source: its method nodes in source order, and the atomic callback registrations found.</summary>
internal sealed class CallGraph
{
    private readonly Dictionary<IMethodSymbol, MethodNode> nodes;

    public CallGraph(Dictionary<IMethodSymbol, MethodNode> nodes, List<MethodNode> order, List<Registration> registrations, DelegateBindings bindings)
    {
        this.nodes = nodes;
        Nodes = order;
        Registrations = registrations;
        Bindings = bindings;
    }

    public IReadOnlyList<MethodNode> Nodes { get; }

    public IReadOnlyList<Registration> Registrations { get; }

    public DelegateBindings Bindings { get; }

    /// <summary>The node of a source method, local function or lambda; null for a method without source body.</summary>
    public MethodNode? Find(IMethodSymbol method) => nodes.TryGetValue(method.OriginalDefinition, out var node) ? node : null;
}
