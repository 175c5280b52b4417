using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Builds the <see cref="CallGraph"/> of a compilation from the operation trees of its bodies: the
/// calls of every method, lambda and local function, the atomic callback registrations, the
/// delegate values of locals and fields, and, for the bodies that open an atomic section, the
/// section around each call (from <see cref="AtomicRegions"/> on the body's graph).
/// </summary>
/// <remarks>
/// Bodies come in any order (<see cref="Add"/>): <see cref="Complete"/> puts everything in source
/// order, so that the result does not depend on the order they were walked in. <see cref="Build"/>
/// walks every body of the compilation (tests, tools); KMEM001 walks only the part atomic context
/// can reach (<see cref="ReachableWalk"/>).
/// </remarks>
internal sealed class CallGraphBuilder
{
    private readonly AnalysisSession session;
    private readonly object gate = new();
    private readonly Dictionary<IMethodSymbol, MethodNode> nodes = new(SymbolEqualityComparer.Default);
    private readonly List<(SourceOrder Order, MethodNode Node)> order = new();
    private readonly List<(SourceOrder Order, Registration Registration)> registrations = new();
    private readonly DelegateBindings bindings = new();
    private readonly RegionFacts regions = new();
    private readonly HashSet<SyntaxNode> registeredCalls = new();
    private readonly Lazy<Dictionary<SyntaxTree, int>> treeIndex;
    private int sequence;

    public CallGraphBuilder(AnalysisSession session)
    {
        this.session = session;
        treeIndex = new Lazy<Dictionary<SyntaxTree, int>>(() =>
        {
            var index = new Dictionary<SyntaxTree, int>();
            foreach (var tree in session.Compilation.SyntaxTrees)
                index[tree] = index.Count;
            return index;
        });
    }

    private KernelContract Contract => session.Contract;

    /// <summary>The whole compilation's graph, binding every body through the session's models.</summary>
    public CallGraph Build()
    {
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            var model = session.Model(tree);
            foreach (var body in SourceBodies.Of(tree.GetRoot()))
            {
                if (model.GetOperation(body) is not { } root)
                    continue;
                var owner = session.DeclaredMethod(body);
                Add(owner, root);
            }
        }
        return Complete();
    }

    /// <summary>The graph, in source order.</summary>
    public CallGraph Complete()
    {
        lock (gate)
        {
            order.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            registrations.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            bindings.Sort();
            var list = new List<MethodNode>(order.Count);
            foreach (var (_, node) in order)
                list.Add(node);
            var registered = new List<Registration>(registrations.Count);
            foreach (var (_, registration) in registrations)
                registered.Add(registration);
            Link(list);
            return new CallGraph(nodes, list, registered, bindings);
        }
    }

    /// <summary>Walks one bound body into the graph; returns the nodes it created (its method's, and those of its lambdas and local functions).</summary>
    public List<MethodNode> Add(IMethodSymbol? owner, IOperation root)
    {
        lock (gate)
        {
            var first = order.Count;
            var node = owner is null ? null : Node(owner, root.Syntax);
            if (Walk(root, node) && Graph(root, owner) is { } cfg)
                AtomicRegions.Collect(cfg, Contract, regions);
            var created = new List<MethodNode>(order.Count - first);
            for (var i = first; i < order.Count; i++)
                created.Add(order[i].Node);
            return created;
        }
    }

    /// <summary>
    /// Adds a registration read from symbols alone (<see cref="RegistrationSites"/>); the call's own
    /// registrations are then not added again if its body is walked later.
    /// </summary>
    public void Register(SyntaxNode call, IMethodSymbol handler, KernelContext context, string api, string registrar)
    {
        lock (gate)
        {
            registeredCalls.Add(call);
            registrations.Add((Order(call), new Registration(handler, context, api, registrar)));
        }
    }

    /// <summary>The methods and lambdas registered so far as atomic callbacks; adds to <paramref name="fields"/> the delegate fields they are read from.</summary>
    public List<IMethodSymbol> RegisteredHandlers(List<IFieldSymbol> fields)
    {
        lock (gate)
        {
            var handlers = new List<IMethodSymbol>();
            foreach (var (_, registration) in registrations)
                handlers.AddRange(registration.Handlers(bindings, fields));
            return handlers;
        }
    }

    /// <summary>Whether a call of a walked body is made inside one of that body's atomic sections.</summary>
    public bool InSection(CallSite call)
    {
        lock (gate)
            return regions.Inside.ContainsKey(SyntaxKey.Of(call.Operation.Syntax));
    }

    /// <summary>The node of a walked method, local function or lambda.</summary>
    public MethodNode? Find(IMethodSymbol method)
    {
        lock (gate)
            return nodes.TryGetValue(method.OriginalDefinition, out var node) ? node : null;
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
                    current = Node(lambda.Symbol, lambda.Syntax);
                    break;
                case ILocalFunctionOperation local:
                    current = Node(local.Symbol, local.Syntax);
                    break;
                case IInvocationOperation call:
                    sections |= Visit(call, current);
                    break;
                case ISimpleAssignmentOperation assignment:
                    bindings.Assign(assignment.Target, assignment.Value, Order(assignment.Value.Syntax));
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    bindings.Bind(declarator.Symbol, initializer.Value, Order(initializer.Value.Syntax));
                    break;
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                        bindings.Bind(field, initializer.Value, Order(initializer.Value.Syntax));
                    break;
            }
            PushChildren(pending, operation, current);
        }
        return sections;
    }

    /// <summary>Pushes the children last first, so that calls are met in source order.</summary>
    private static void PushChildren(Stack<(IOperation, MethodNode?)> pending, IOperation operation, MethodNode? owner)
    {
        var children = operation.ChildOperations;
        var count = pending.Count;
        foreach (var child in children)
            pending.Push((child, owner));
        // Reverse the newly pushed range: a Stack has no indexed access, so swap through a small buffer.
        var pushed = pending.Count - count;
        if (pushed > 1)
        {
            var buffer = new (IOperation, MethodNode?)[pushed];
            for (var i = 0; i < pushed; i++)
                buffer[i] = pending.Pop();
            for (var i = 0; i < pushed; i++)
                pending.Push(buffer[i]);
        }
    }

    private bool Visit(IInvocationOperation call, MethodNode? owner)
    {
        owner?.Calls.Add(new CallSite(call));
        var contract = Contract.Of(call.TargetMethod);
        if (!registeredCalls.Contains(call.Syntax))
        {
            foreach (var callback in contract.Callbacks)
            {
                if (callback.Context != KernelContext.Process && CallContract.Argument(call, callback.Ordinal) is { ConstantValue.HasValue: false } handler)
                    registrations.Add((Order(call.Syntax), new Registration(handler, callback.Context, call.TargetMethod.Name, owner?.Name ?? call.TargetMethod.ContainingType.Name)));
            }
        }
        return contract.EntersAtomic || contract.ExitsAtomic;
    }

    private MethodNode Node(IMethodSymbol method, SyntaxNode syntax)
    {
        var key = method.OriginalDefinition;
        if (!nodes.TryGetValue(key, out var node))
        {
            nodes[key] = node = new MethodNode(key);
            order.Add((Order(syntax), node));
        }
        return node;
    }

    /// <summary>Where the syntax is, with a sequence number that keeps walk order among equal positions.</summary>
    private SourceOrder Order(SyntaxNode syntax) =>
        new(treeIndex.Value.TryGetValue(syntax.SyntaxTree, out var index) ? index : int.MaxValue, syntax.SpanStart, sequence++);

    /// <summary>The control flow graph of a body: shared through the session for methods, built here for the others.</summary>
    private ControlFlowGraph? Graph(IOperation root, IMethodSymbol? owner) => root switch
    {
        IMethodBodyOperation when owner is not null => session.Graph(owner),
        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
        IFieldInitializerOperation field => ControlFlowGraph.Create(field),
        IPropertyInitializerOperation property => ControlFlowGraph.Create(property),
        _ => null,
    };

    /// <summary>Connects each call to its callee's node and to the atomic section around it; marks the nodes that release their caller's section.</summary>
    private void Link(List<MethodNode> list)
    {
        foreach (var node in list)
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

/// <summary>A position in the compilation: tree (in the compilation's order), then offset.</summary>
internal readonly struct SourceOrder : IComparable<SourceOrder>
{
    public SourceOrder(int tree, int position, int sequence)
    {
        Tree = tree;
        Position = position;
        Sequence = sequence;
    }

    public int Tree { get; }

    public int Position { get; }

    public int Sequence { get; }

    public int CompareTo(SourceOrder other) =>
        Tree != other.Tree ? Tree.CompareTo(other.Tree) : Position != other.Position ? Position.CompareTo(other.Position) : Sequence.CompareTo(other.Sequence);
}
