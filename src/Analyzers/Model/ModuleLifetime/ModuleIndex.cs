using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>
/// The modules of the compilation: one pass over the member declarations finds each type's [ModuleInit] and
/// [ModuleExit] methods without binding any body. Closures are followed per module, when first needed.
/// </summary>
internal sealed class ModuleIndex
{
    /// <summary>Methods beyond this many in one closure are not followed.</summary>
    private const int MaxClosure = 64;

    private readonly Dictionary<INamedTypeSymbol, KernelModule> byType;
    private readonly Lazy<(HashSet<IMethodSymbol> Init, HashSet<IMethodSymbol> Exit)> closures;

    private ModuleIndex(Dictionary<INamedTypeSymbol, KernelModule> byType)
    {
        this.byType = byType;
        closures = new Lazy<(HashSet<IMethodSymbol>, HashSet<IMethodSymbol>)>(AllClosures, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The module whose init is declared in <paramref name="type"/>, if any.</summary>
    public KernelModule? Of(INamedTypeSymbol type) => byType.TryGetValue(type.OriginalDefinition, out var module) ? module : null;

    /// <summary>
    /// Whether some module's exit calls <paramref name="method"/>, directly or not: the module of the method's own
    /// type first (where exit helpers live), every module's closures only when that one does not.
    /// </summary>
    public bool InExit(IMethodSymbol method) => In(method, init: false, exit: true);

    /// <summary>Whether some module's init or exit calls <paramref name="method"/>, directly or not (own module first, as <see cref="InExit"/>).</summary>
    public bool InInitOrExit(IMethodSymbol method) => In(method, init: true, exit: true);

    private bool In(IMethodSymbol method, bool init, bool exit)
    {
        method = method.OriginalDefinition;
        if (Of(method.ContainingType) is { } own && (init && own.InInit(method) || exit && own.InExit(method)))
            return true;
        var all = closures.Value;
        return init && all.Init.Contains(method) || exit && all.Exit.Contains(method);
    }

    public static ModuleIndex For(AnalysisSession session) => session.Index(() => Build(session));

    private (HashSet<IMethodSymbol>, HashSet<IMethodSymbol>) AllClosures()
    {
        var init = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var exit = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var module in byType.Values)
        {
            init.UnionWith(module.InitClosure);
            exit.UnionWith(module.ExitClosure);
        }
        return (init, exit);
    }

    private static ModuleIndex Build(AnalysisSession session)
    {
        var inits = new Dictionary<INamedTypeSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        var exits = new Dictionary<INamedTypeSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            var members = tree.GetRoot().DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
            foreach (var node in members)
            {
                if (node is not MethodDeclarationSyntax { AttributeLists.Count: > 0 } declaration
                    || session.Model(tree).GetDeclaredSymbol(declaration) is not IMethodSymbol method)
                    continue;
                var contract = session.Contract.Of(method);
                if (contract.IsModuleInit)
                    inits[method.ContainingType.OriginalDefinition] = method;
                else if (contract.IsModuleExit)
                    exits[method.ContainingType.OriginalDefinition] = method;
            }
        }
        var modules = new Dictionary<INamedTypeSymbol, KernelModule>(SymbolEqualityComparer.Default);
        foreach (var pair in inits)
        {
            exits.TryGetValue(pair.Key, out var exit);
            modules[pair.Key] = new KernelModule(pair.Value, exit, root => Closure(session, root));
        }
        return new ModuleIndex(modules);
    }

    /// <summary>The method and the source methods it calls, directly or not, each once (read from their graphs).</summary>
    private static ImmutableArray<IMethodSymbol> Closure(AnalysisSession session, IMethodSymbol root)
    {
        var order = new List<IMethodSymbol> { root };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { root };
        for (var i = 0; i < order.Count && order.Count < MaxClosure; i++)
        {
            if (session.Graph(order[i]) is not { } graph)
                continue;
            foreach (var operation in graph.OriginalOperation.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: var target } && seen.Add(target.OriginalDefinition)
                    && !session.Declarations(target.OriginalDefinition).IsEmpty)
                    order.Add(target.OriginalDefinition);
            }
        }
        return order.ToImmutableArray();
    }
}
