using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Context;

/// <summary>
/// The part of the compilation's call graph that KMEM001 needs, binding as few bodies as it can.
/// A syntactic pass (<see cref="BodyIndex"/>) finds the bodies where atomic context may start, which
/// are bound and walked, and the registration calls, read from symbols alone where the handler is a
/// named method (<see cref="RegistrationSites"/>). From the methods that may run in atomic context
/// (registered handlers, <c>[Atomic]</c> methods, the callees of calls inside a section, and all
/// the callees of those) the walk goes on to the bodies of their callees, to the fixed point; the
/// bodies assigning a delegate field a handler is read from are walked for their delegate values. A possibly atomic
/// method is walked only when something below it may sleep, forward a mask or release a lock
/// (<see cref="SleepRelevantBodies"/>).
/// </summary>
/// <remarks>
/// A method outside this part is never atomic and none of its calls is in a section, and every
/// method inside it has the nodes of all its source callees that may sleep, forward a mask or release
/// a lock (and theirs): the findings are those of <see cref="CallGraphBuilder.Build"/>. The callees of a body walked only
/// because it registers a handler or opens a section are not followed, unless they are called
/// inside the section: a probe's helpers are not bound for KMEM001.
/// </remarks>
internal sealed class ReachableWalk
{
    private readonly AnalysisSession session;
    private readonly IWorkSharing work;
    private readonly CallGraphBuilder builder;
    private readonly Queue<SyntaxNode> bodies = new();
    private readonly HashSet<SyntaxNode> walked = new();
    private readonly HashSet<IMethodSymbol> mayBeAtomic = new(SymbolEqualityComparer.Default);
    private readonly Queue<MethodNode> toExpand = new();
    private readonly HashSet<ISymbol> fieldsDone = new(SymbolEqualityComparer.Default);

    private ReachableWalk(AnalysisSession session, IWorkSharing work)
    {
        this.session = session;
        this.work = work;
        builder = new CallGraphBuilder(session);
    }

    /// <summary>The graph; the bodies of each step are bound, and the registrations read, through <paramref name="work"/> (on several threads when it shares).</summary>
    public static CallGraph Build(AnalysisSession session, IWorkSharing? work = null) => new ReachableWalk(session, work ?? SequentialWork.Instance).Run();

    private CallGraph Run()
    {
        var index = BodyIndex.For(session);
        foreach (var body in index.Roots)
            bodies.Enqueue(body);
        var unread = work.ForEach(index.Registrations, site => RegistrationSites.TryRead(session, site.Body, site.Call, builder) ? null : site.Body);
        foreach (var body in unread)
        {
            if (body is not null)
                bodies.Enqueue(body);
        }
        do
        {
            WalkPending();
            // The handlers registered so far, and the assignments of the delegate fields they are read from.
            var fields = new List<IFieldSymbol>();
            foreach (var handler in builder.RegisteredHandlers(fields))
                MayBeAtomic(handler);
            foreach (var field in fields)
            {
                if (fieldsDone.Add(field.OriginalDefinition))
                {
                    foreach (var body in NameMentions.For(session).Assigning(field.Name))
                        bodies.Enqueue(body);
                }
            }
            Expand();
        }
        while (bodies.Count > 0);
        return builder.Complete();
    }

    /// <summary>Walks the pending bodies step by step: each step's bodies are bound together, then added in order.</summary>
    private void WalkPending()
    {
        while (bodies.Count > 0)
        {
            var step = new List<SyntaxNode>(bodies.Count);
            while (bodies.Count > 0)
            {
                var body = bodies.Dequeue();
                if (walked.Add(body))
                    step.Add(body);
            }
            foreach (var (owner, root) in work.ForEach(step, Bind))
            {
                if (root is not null)
                    Add(owner, root);
            }
            Expand();
        }
    }

    private (IMethodSymbol? Owner, IOperation? Root) Bind(SyntaxNode body)
    {
        var model = session.Model(body.SyntaxTree);
        return (session.DeclaredMethod(body), model.GetOperation(body));
    }

    private void Add(IMethodSymbol? owner, IOperation root)
    {
        foreach (var node in builder.Add(owner, root))
        {
            if (session.Contract.Of(node.Symbol).IsAtomic || mayBeAtomic.Contains(node.Symbol))
            {
                mayBeAtomic.Add(node.Symbol);
                toExpand.Enqueue(node);
            }
            foreach (var call in node.Calls)
            {
                if (builder.InSection(call))
                    MayBeAtomic(call.Target);
            }
        }
    }

    /// <summary>Follows every call of the nodes that may run in atomic context.</summary>
    private void Expand()
    {
        while (toExpand.Count > 0)
        {
            foreach (var call in toExpand.Dequeue().Calls)
                MayBeAtomic(call.Target);
        }
    }

    /// <summary>Marks a method as possibly atomic: its node is expanded now if walked, else when its body is.</summary>
    private void MayBeAtomic(IMethodSymbol target)
    {
        var method = MethodIdentity.Declared(target);
        if (!mayBeAtomic.Add(method))
            return;
        if (builder.Find(method) is { } node)
        {
            toExpand.Enqueue(node);
            return;
        }
        // A local function or lambda is walked with the body that declares it.
        if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            return;
        method = method.PartialImplementationPart ?? method;
        foreach (var reference in session.Declarations(method))
        {
            if (reference.GetSyntax() is (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) and var body && SourceBodies.HasCode(body)
                && SleepRelevantBodies.For(session).Contains(body))
                bodies.Enqueue(body);
        }
    }
}
