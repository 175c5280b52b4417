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
/// The analyzer feeds it the operation blocks the driver hands out (<see cref="Add"/>, thread-safe,
/// in any order): those reuse the bound trees the compiler made, so nothing is bound twice, and
/// the graphs are the driver's, shared with the other rules. <see cref="Complete"/> puts
/// everything in source order, so that the result does not depend on the order of the callbacks.
/// <see cref="Build"/> does both for a whole compilation on its own (tests, tools).
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
                var owner = model.GetDeclaredSymbol(body) as IMethodSymbol;
                Add(owner, root, () => Graph(root, owner));
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

    private void Add(IMethodSymbol? owner, IOperation root, Func<ControlFlowGraph?> graph)
    {
        lock (gate)
        {
            var node = owner is null ? null : Node(owner, root.Syntax);
            if (Walk(root, node) && graph() is { } cfg)
                AtomicRegions.Collect(cfg, Contract, regions);
        }
    }

    /// <summary>
    /// The part of the compilation's graph that atomic context can reach, binding only the bodies it
    /// needs: a syntactic pass finds the bodies that call, by name, a function that registers an
    /// atomic callback or opens or closes an atomic section, and the <c>[Atomic]</c> methods; then the
    /// bodies of their source callees, of the registered handlers and of the assignments to the
    /// delegate fields a handler is read from, to the fixed point. A method outside this part is
    /// never atomic, and neither are its calls, so the findings are those of <see cref="Build"/>.
    /// </summary>
    public CallGraph BuildReachable()
    {
        var index = BodyIndex.Of(session);
        var pending = new Queue<SyntaxNode>(index.Roots);
        var walked = new HashSet<SyntaxNode>();
        var fieldsDone = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        do
        {
            while (pending.Count > 0)
            {
                var body = pending.Dequeue();
                if (!walked.Add(body))
                    continue;
                var model = session.Model(body.SyntaxTree);
                if (model.GetOperation(body) is not { } root)
                    continue;
                var owner = model.GetDeclaredSymbol(body) as IMethodSymbol;
                var first = order.Count;
                Add(owner, root, () => Graph(root, owner));
                for (var i = first; i < order.Count; i++)
                {
                    foreach (var call in order[i].Node.Calls)
                        Enqueue(call.Target, pending);
                }
            }
            // The handlers registered so far, and the assignments of the delegate fields they are read from.
            var fields = new List<IFieldSymbol>();
            foreach (var (_, registration) in registrations)
            {
                foreach (var handler in bindings.Resolve(registration.Handler, fields))
                    Enqueue(handler, pending);
            }
            foreach (var field in fields)
            {
                if (fieldsDone.Add(field.OriginalDefinition))
                {
                    foreach (var body in NameMentions.For(session).Assigning(field.Name))
                        pending.Enqueue(body);
                }
            }
            pending = new Queue<SyntaxNode>(Unwalked(pending, walked));
        }
        while (pending.Count > 0);
        return Complete();
    }

    private static IEnumerable<SyntaxNode> Unwalked(IEnumerable<SyntaxNode> bodies, HashSet<SyntaxNode> walked)
    {
        foreach (var body in bodies)
        {
            if (!walked.Contains(body))
                yield return body;
        }
    }

    /// <summary>Queues the body of a source method (a local function or lambda is walked with its enclosing body).</summary>
    private static void Enqueue(IMethodSymbol target, Queue<SyntaxNode> pending)
    {
        var method = (target.ReducedFrom ?? target).OriginalDefinition;
        method = method.PartialImplementationPart ?? method;
        if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            return;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) and var body && SourceBodies.HasCode(body))
                pending.Enqueue(body);
        }
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
        foreach (var callback in contract.Callbacks)
        {
            if (callback.Context != KernelContext.Process && CallContract.Argument(call, callback.Ordinal) is { ConstantValue.HasValue: false } handler)
                registrations.Add((Order(call.Syntax), new Registration(handler, callback.Context, call.TargetMethod.Name, owner?.Name ?? call.TargetMethod.ContainingType.Name)));
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
