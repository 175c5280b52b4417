using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Builds the <see cref="CallGraph"/> of a compilation in one walk over the operation trees of its
/// bodies: the calls of every method, lambda and local function, the atomic callback
/// registrations, the delegate values of locals and fields, and, for the bodies that open an
/// atomic section, the section around each call (from <see cref="AtomicRegions"/> on the body's graph).
/// </summary>
internal sealed class CallGraphBuilder
{
    private readonly AnalysisSession session;
    private readonly Dictionary<IMethodSymbol, MethodNode> nodes = new(SymbolEqualityComparer.Default);
    private readonly List<MethodNode> order = new();
    private readonly List<Registration> registrations = new();
    private readonly DelegateBindings bindings = new();
    private readonly RegionFacts regions = new();

    public CallGraphBuilder(AnalysisSession session) => this.session = session;

    private KernelContract Contract => session.Contract;

    public CallGraph Build()
    {
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            var model = session.Model(tree);
            foreach (var body in SourceBodies.Of(tree.GetRoot()))
            {
                if (model.GetOperation(body) is not { } root)
                    continue;
                var owner = model.GetDeclaredSymbol(body) is IMethodSymbol method ? Node(method) : null;
                if (Walk(root, owner) && Graph(root, owner) is { } graph)
                    AtomicRegions.Collect(graph, Contract, regions);
            }
        }
        Link();
        return new CallGraph(nodes, order, registrations, bindings);
    }

    /// <summary>Walks a body, attributing each call to the innermost method, lambda or local function; true when some call opens or closes an atomic section.</summary>
    private bool Walk(IOperation root, MethodNode? owner)
    {
        var sections = false;
        var pending = new Stack<(IOperation Operation, MethodNode? Owner)>();
        pending.Push((root, owner));
        while (pending.Count > 0)
        {
            var (operation, current) = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    current = Node(lambda.Symbol);
                    break;
                case ILocalFunctionOperation local:
                    current = Node(local.Symbol);
                    break;
                case IInvocationOperation call:
                    sections |= Visit(call, current);
                    break;
                case ISimpleAssignmentOperation assignment:
                    bindings.Assign(assignment.Target, assignment.Value);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    bindings.Bind(declarator.Symbol, initializer.Value);
                    break;
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                        bindings.Bind(field, initializer.Value);
                    break;
            }
            PushChildren(pending, operation, current);
        }
        return sections;
    }

    /// <summary>Pushes the children last first, so that calls are met in source order.</summary>
    private static void PushChildren(Stack<(IOperation, MethodNode?)> pending, IOperation operation, MethodNode? owner)
    {
        var children = new List<IOperation>(operation.ChildOperations);
        for (var i = children.Count - 1; i >= 0; i--)
            pending.Push((children[i], owner));
    }

    private bool Visit(IInvocationOperation call, MethodNode? owner)
    {
        owner?.Calls.Add(new CallSite(call));
        var contract = Contract.Of(call.TargetMethod);
        foreach (var callback in contract.Callbacks)
        {
            if (callback.Context != KernelContext.Process && CallContract.Argument(call, callback.Ordinal) is { ConstantValue.HasValue: false } handler)
                registrations.Add(new Registration(handler, callback.Context, call.TargetMethod.Name, owner?.Name ?? call.TargetMethod.ContainingType.Name));
        }
        return contract.EntersAtomic || contract.ExitsAtomic;
    }

    private MethodNode Node(IMethodSymbol method)
    {
        var key = method.OriginalDefinition;
        if (!nodes.TryGetValue(key, out var node))
        {
            nodes[key] = node = new MethodNode(key);
            order.Add(node);
        }
        return node;
    }

    /// <summary>The control flow graph of a body: shared through the session for methods, built here for the others.</summary>
    private ControlFlowGraph? Graph(IOperation root, MethodNode? owner) => root switch
    {
        IMethodBodyOperation when owner is not null => session.Graph(owner.Symbol),
        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
        IFieldInitializerOperation field => ControlFlowGraph.Create(field),
        IPropertyInitializerOperation property => ControlFlowGraph.Create(property),
        _ => null,
    };

    /// <summary>Connects each call to its callee's node and to the atomic section around it; marks the nodes that release their caller's section.</summary>
    private void Link()
    {
        foreach (var node in order)
        {
            foreach (var call in node.Calls)
            {
                call.Callee = nodes.TryGetValue(call.Target.OriginalDefinition, out var callee) ? callee : null;
                var key = SyntaxKey.Of(call.Operation.Syntax);
                call.Section = regions.Inside.TryGetValue(key, out var section) ? section : null;
                node.ReleasesCallerSection |= regions.UnbalancedExits.Contains(key);
            }
        }
    }
}
