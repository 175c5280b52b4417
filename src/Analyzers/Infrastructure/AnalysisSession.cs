using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// What all KMEM analyzers share for one compilation: the contract model, the graph of the body the driver is handing
/// over, and memoized per-method results (summaries, flow results), so that each method is analysed once however many
/// rules read it.
/// </summary>
/// <remarks>
/// Graphs and semantic models are not kept for the whole compilation: a graph's operations hold the semantic model of
/// their tree, with every body the compiler bound in it. Keeping each body's graph and each tree's model to the end
/// kept 174 MiB alive after the analysis of a 100k-line corpus, against 77 MiB without them.
/// </remarks>
internal sealed class AnalysisSession
{
    private static readonly ConditionalWeakTable<Compilation, AnalysisSession?> sessions = new();

    private readonly ConcurrentDictionary<SyntaxTree, WeakReference<SemanticModel>> models = new();
    /// <summary>The graphs of lambdas and local functions (each made from its enclosing body's graph, asked for by its symbol).</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, ControlFlowGraph?> nestedGraphs = ConcurrentTables.Create<IMethodSymbol, ControlFlowGraph?>(SymbolEqualityComparer.Default);
    private readonly ThreadLocal<HandedBlock> handed = new(static () => new HandedBlock());
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

    /// <summary>
    /// The semantic model of a tree: the one the driver analyses the tree with while it does (the compilation's provider
    /// hands out the same model), reused while anything still holds it, and never kept alive by the session.
    /// </summary>
#pragma warning disable RS1030 // Callee summaries need the bodies of other methods; the models are the driver's, or reused.
    [MethodImpl(Jit.Optimized)]
    public SemanticModel Model(SyntaxTree tree)
    {
        if (models.TryGetValue(tree, out var reference) && reference.TryGetTarget(out var model))
            return model;
        model = Compilation.GetSemanticModel(tree);
        models[tree] = new WeakReference<SemanticModel>(model);
        return model;
    }
#pragma warning restore RS1030

    /// <summary>What this thread of the driver keeps of the operation block it was handed last.</summary>
    public HandedBlock Handed => handed.Value!;

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

    /// <summary>
    /// The control flow graph of a source method's body, or null when it has none (metadata, abstract, extern, or a nested
    /// function whose enclosing body has not been analysed): the graph this thread was handed for it, or one built for the
    /// question, which nothing keeps.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public ControlFlowGraph? Graph(IMethodSymbol method) =>
        SharedGraph(method) ?? (IsNested(method) ? null : BuildGraph(method.OriginalDefinition));

    /// <summary>The graph the session has for a body: this thread's handed body, or a lambda or local function.</summary>
    [MethodImpl(Jit.Optimized)]
    public ControlFlowGraph? SharedGraph(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (IsNested(method))
            return nestedGraphs.TryGetValue(method, out var nested) ? nested : null;
        var block = Handed;
        return block.Graph is not null && SymbolEqualityComparer.Default.Equals(block.Method, method) ? block.Graph : null;
    }

    /// <summary>
    /// Keeps the graph of a body while this thread of the driver analyses it (a method), or for the compilation (a lambda
    /// or local function, unless the session got one meanwhile). Callers ask <see cref="SharedGraph"/> first.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public ControlFlowGraph Share(IMethodSymbol method, ControlFlowGraph offered)
    {
        method = method.OriginalDefinition;
        if (IsNested(method))
            return nestedGraphs.AddOrUpdate(method, offered, (_, existing) => existing ?? offered)!;
        Handed.Keep(method, offered);
        return offered;
    }

    private static bool IsNested(IMethodSymbol method) => method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction;

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

    /// <summary>A per-symbol result of kind <typeparamref name="T"/>, when it has been computed.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool TryGetMemo<T>(ISymbol symbol, out T result) where T : class
    {
        if (MemoTable(typeof(T)).TryGetValue(symbol.OriginalDefinition, out var known))
        {
            result = (T)known;
            return true;
        }
        result = null!;
        return false;
    }

    [MethodImpl(Jit.Optimized)]
    private ConcurrentDictionary<ISymbol, object> MemoTable(Type kind) =>
        memo.TryGetValue(kind, out var table) ? table : memo.GetOrAdd(kind, static _ => ConcurrentTables.Create<ISymbol, object>(SymbolEqualityComparer.Default));

    /// <summary>The operation of a source method's body, from the semantic model of its tree; null when it has none.</summary>
    public IMethodBodyOperation? BodyOperation(IMethodSymbol method)
    {
        foreach (var reference in Declarations(method.OriginalDefinition))
        {
            var syntax = reference.GetSyntax();
            if (syntax is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax && Model(syntax.SyntaxTree).GetOperation(syntax) is IMethodBodyOperation body)
                return body;
        }
        return null;
    }

    private ControlFlowGraph? BuildGraph(IMethodSymbol method) => BodyOperation(method) is { } body ? ControlFlowGraph.Create(body) : null;
}
