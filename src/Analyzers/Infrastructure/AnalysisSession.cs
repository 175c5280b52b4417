using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// What all KMEM analyzers share for one compilation: the contract model, one control flow graph
/// per method, and memoized per-method results (summaries, flow results), so that each method is
/// analysed once however many rules read it.
/// </summary>
internal sealed class AnalysisSession
{
    private static readonly ConditionalWeakTable<Compilation, AnalysisSession?> sessions = new();

    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ControlFlowGraph?> graphs = ConcurrentTables.Create<IMethodSymbol, ControlFlowGraph?>(SymbolEqualityComparer.Default);
    /// <summary>
    /// The memoized results, one table per kind of result. (Not one table keyed by kind and symbol: the runtime
    /// compiles the framework's table over a tuple key on first use, unoptimized, and a compiler run never got to
    /// optimize it; these instantiations are the ones the compiler itself uses, precompiled.)
    /// </summary>
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<ISymbol, object>> memo = new();

    private readonly ConcurrentDictionary<Type, Lazy<object>> indexes = new();

    private readonly ConcurrentDictionary<SyntaxNode, IMethodSymbol?> declaredMethods = ConcurrentTables.Create<SyntaxNode, IMethodSymbol?>();

    private AnalysisSession(KernelContract contract) => Contract = contract;

    public KernelContract Contract { get; }

    public Compilation Compilation => Contract.Compilation;

    /// <summary>The session of a compilation, or null when it does not reference the Kmem runtime.</summary>
    public static AnalysisSession? For(Compilation compilation) =>
        sessions.GetValue(compilation, static c => KernelContract.TryCreate(c) is { } contract ? new AnalysisSession(contract) : null);

    /// <summary>One semantic model per tree, reused by every interprocedural query.</summary>
#pragma warning disable RS1030 // Callee summaries need the bodies of other methods; the models are cached per tree.
    public SemanticModel Model(SyntaxTree tree) => models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    /// <summary>
    /// The method a source body declares (null for an initializer), read once per body: the cross-method questions ask
    /// it of the same few bodies (a module's init, exit and probe) again for every field and callee they look at.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public IMethodSymbol? DeclaredMethod(SyntaxNode body) =>
        declaredMethods.TryGetValue(body, out var known) ? known : declaredMethods.GetOrAdd(body, Model(body.SyntaxTree).GetDeclaredSymbol(body) as IMethodSymbol);

    /// <summary>
    /// Where a symbol is declared in this compilation's own trees. The source of a referenced project
    /// (the runtime as a project reference in an IDE or under <c>dotnet format</c>) is not among them:
    /// it is not analysed, and no semantic model of this compilation can read it.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public ImmutableArray<SyntaxReference> Declarations(ISymbol symbol)
    {
        var references = symbol.DeclaringSyntaxReferences;
        foreach (var reference in references)
        {
            if (!Compilation.ContainsSyntaxTree(reference.SyntaxTree))
                return references.RemoveAll(r => !Compilation.ContainsSyntaxTree(r.SyntaxTree));
        }
        return references;
    }

    /// <summary>The control flow graph of a source method's body, or null when it has none (metadata, abstract, extern).</summary>
    [MethodImpl(Jit.Optimized)]
    public ControlFlowGraph? Graph(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (graphs.TryGetValue(method, out var known))
            return known;
        return graphs.GetOrAdd(method, BuildGraph(method));
    }

    /// <summary>The graph the session already has for a body (an interprocedural query or another rule made it), if any.</summary>
    [MethodImpl(Jit.Optimized)]
    public ControlFlowGraph? SharedGraph(IMethodSymbol method) =>
        graphs.TryGetValue(method.OriginalDefinition, out var known) ? known : null;

    /// <summary>
    /// Keeps the graph the driver offers for a body, unless the session got one meanwhile: a body that an
    /// interprocedural query analysed first is not given a second graph. Callers ask <see cref="SharedGraph"/> first,
    /// so the driver builds a graph only for a body the session has none of.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public ControlFlowGraph Share(IMethodSymbol method, ControlFlowGraph offered) =>
        // A nested body asked for before its enclosing method was analysed is recorded as null: replace that.
        graphs.AddOrUpdate(method.OriginalDefinition, offered, (_, existing) => existing ?? offered)!;

    /// <summary>
    /// A whole-compilation index of kind <typeparamref name="T"/>, built once even when analyzers running
    /// concurrently ask for it at the same moment (the others wait). A builder may ask for other indexes, never
    /// (directly or not) for its own.
    /// </summary>
    public T Index<T>(Func<AnalysisSession, T> build) where T : class
    {
        if (indexes.TryGetValue(typeof(T), out var known))
            return (T)known.Value;
        return (T)indexes.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>A per-symbol result of kind <typeparamref name="T"/>, computed once.</summary>
    [MethodImpl(Jit.Optimized)]
    public T Memo<T>(ISymbol symbol, Func<ISymbol, T> compute) where T : class
    {
        var table = MemoTable(typeof(T));
        var key = symbol.OriginalDefinition;
        if (table.TryGetValue(key, out var known))
            return (T)known;
        return (T)table.GetOrAdd(key, compute(key));
    }

    /// <summary>The same, computed from an argument (so that a hot caller needs no closure).</summary>
    [MethodImpl(Jit.Optimized)]
    public T Memo<T, TArgument>(ISymbol symbol, TArgument argument, Func<ISymbol, TArgument, T> compute) where T : class
    {
        var table = MemoTable(typeof(T));
        var key = symbol.OriginalDefinition;
        if (table.TryGetValue(key, out var known))
            return (T)known;
        return (T)table.GetOrAdd(key, compute(key, argument));
    }

    [MethodImpl(Jit.Optimized)]
    private ConcurrentDictionary<ISymbol, object> MemoTable(Type kind) =>
        memo.TryGetValue(kind, out var table) ? table : memo.GetOrAdd(kind, static _ => ConcurrentTables.Create<ISymbol, object>(SymbolEqualityComparer.Default));

    private ControlFlowGraph? BuildGraph(IMethodSymbol method)
    {
        foreach (var reference in Declarations(method))
        {
            var syntax = reference.GetSyntax();
            if (syntax is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax))
                continue;
            var operation = Model(syntax.SyntaxTree).GetOperation(syntax);
            switch (operation)
            {
                case IMethodBodyOperation body:
                    return ControlFlowGraph.Create(body);
                case ILocalFunctionOperation or IAnonymousFunctionOperation:
                    // Nested bodies get their graphs through the enclosing method's graph.
                    return null;
            }
        }
        return null;
    }
}
