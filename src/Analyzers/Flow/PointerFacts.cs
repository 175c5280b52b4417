using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Constants;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The result of the pointer-state analysis of one method, computed once per method and shared by
/// every rule through <see cref="AnalysisSession.Memo{T}"/>: the allocation sites, the events of the
/// reporting pass, and the state at the method's normal exit.
/// </summary>
internal sealed class PointerFacts
{
    /// <summary>Sites beyond this many in one method are not tracked (a site is a bit of a 64-bit mask).</summary>
    private const int MaxSites = 64;

    private static readonly PointerFacts Empty = new(ImmutableArray<AllocationSite>.Empty, new PointerEventLog(), null, new());

    private PointerFacts(ImmutableArray<AllocationSite> sites, PointerEventLog log, PointerState? exit, List<IFlowAnonymousFunctionOperation> lambdas)
    {
        Sites = sites;
        Log = log;
        Exit = exit;
        Lambdas = lambdas;
    }

    public ImmutableArray<AllocationSite> Sites { get; }
    public PointerEventLog Log { get; }
    /// <summary>The state where the method returns normally; null when it never does or was not analysed.</summary>
    public PointerState? Exit { get; }
    /// <summary>The lambdas of the method's graph (each has a graph of its own, analysed as a method of its own).</summary>
    public IReadOnlyList<IFlowAnonymousFunctionOperation> Lambdas { get; }

    /// <summary>The sites of a mask, in index order (a struct enumeration: this is read for every event a rule looks at).</summary>
    public SiteSet SitesIn(ulong mask) => new(Sites, mask);

    /// <summary>The facts of a source method, computed on first request.</summary>
    public static PointerFacts For(AnalysisSession session, IMethodSymbol method) =>
        session.Memo(method, session, static (symbol, shared) => Compute(shared, (IMethodSymbol)symbol));

    [MethodImpl(Jit.Optimized)]
    private static PointerFacts Compute(AnalysisSession session, IMethodSymbol method)
    {
        if (session.Graph(method) is not { } cfg)
            return Empty;
        var sites = DiscoverSites(session, method, cfg, out var releases, out var lambdas);
        // Pointer parameters alone are analysed too: what a helper does with them (uses) is a fact its callers read.
        if (!releases && sites.IsEmpty)
            return lambdas.Count == 0 ? Empty : new PointerFacts(sites, new PointerEventLog(), null, lambdas);
        var log = new PointerEventLog();
        var captured = lambdas.Count > 0 || !cfg.LocalFunctions.IsEmpty ? CapturedNames(cfg.OriginalOperation.Syntax) : ImmutableHashSet<string>.Empty;
        var analysis = new PointerStateAnalysis(session, sites, captured, log);
        var result = analysis.Run(cfg);
        return new PointerFacts(sites, log, result.Exit, lambdas);
    }

    /// <summary>The allocation sites of a body; also whether it calls a release, and its lambdas.</summary>
    [MethodImpl(Jit.Optimized)]
    private static ImmutableArray<AllocationSite> DiscoverSites(AnalysisSession session, IMethodSymbol method, ControlFlowGraph cfg, out bool releases,
        out List<IFlowAnonymousFunctionOperation> lambdas)
    {
        var discovery = new SiteDiscovery(session);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && session.Contract.IsTrackedType(parameter.Type) && discovery.Sites.Count < MaxSites)
                discovery.Sites.Add(AllocationSite.ForParameter(discovery.Sites.Count, parameter));
        }
        foreach (var block in cfg.Blocks)
        {
            foreach (var operation in block.Operations)
                discovery.Visit(operation);
            if (block.BranchValue is { } value)
                discovery.Visit(value);
        }
        releases = discovery.Releases;
        lambdas = discovery.Lambdas;
        return discovery.Sites.ToImmutable();
    }

    /// <summary>One walk over a body's operations (recursive over their children: no iterator per operation).</summary>
    private sealed class SiteDiscovery
    {
        private readonly AnalysisSession session;
        private readonly ConstantEvaluator constants;

        public SiteDiscovery(AnalysisSession session)
        {
            this.session = session;
            constants = new ConstantEvaluator(session);
        }

        public ImmutableArray<AllocationSite>.Builder Sites { get; } = ImmutableArray.CreateBuilder<AllocationSite>();
        public bool Releases { get; private set; }
        public List<IFlowAnonymousFunctionOperation> Lambdas { get; } = new();

        [MethodImpl(Jit.Optimized)]
        public void Visit(IOperation operation)
        {
            if (operation is IFlowAnonymousFunctionOperation lambda)
                Lambdas.Add(lambda);
            if (operation is IInvocationOperation call)
            {
                var declared = session.Contract.Of(call.TargetMethod);
                var summary = declared.IsEmpty ? MethodSummaries.Of(session, call.TargetMethod) : null;
                Releases |= declared.Release is not null || summary?.Release is not null;
                if ((declared.Allocation ?? summary?.Allocation) is { } allocation && Sites.Count < MaxSites)
                    Sites.Add(AllocationSite.ForCall(Sites.Count, call, allocation, declared, constants));
            }
            foreach (var child in operation.ChildOperations)
                Visit(child);
        }
    }

    /// <summary>The names used inside the lambdas and local functions of a body: what they may capture.</summary>
    [MethodImpl(Jit.Optimized)]
    private static ImmutableHashSet<string> CapturedNames(SyntaxNode body)
    {
        var names = ImmutableHashSet.CreateBuilder<string>();
        foreach (var node in body.DescendantNodes())
        {
            if (node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                continue;
            foreach (var inner in node.DescendantNodes())
            {
                if (inner is IdentifierNameSyntax name)
                    names.Add(name.Identifier.ValueText);
            }
        }
        return names.ToImmutable();
    }
}
