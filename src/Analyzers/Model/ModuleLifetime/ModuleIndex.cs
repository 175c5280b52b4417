using System.Collections.Generic;
using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>The modules of the compilation, built once on first request.</summary>
internal sealed class ModuleIndex
{
    /// <summary>Methods beyond this many in one closure are not followed.</summary>
    private const int MaxClosure = 64;

    private readonly HashSet<IMethodSymbol> initMethods = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> exitMethods = new(SymbolEqualityComparer.Default);

    private ModuleIndex(ImmutableArray<KernelModule> modules)
    {
        Modules = modules;
        foreach (var module in modules)
        {
            initMethods.UnionWith(module.InitClosure);
            exitMethods.UnionWith(module.ExitClosure);
        }
    }

    public ImmutableArray<KernelModule> Modules { get; }

    public bool InInit(IMethodSymbol method) => initMethods.Contains(method.OriginalDefinition);

    public bool InExit(IMethodSymbol method) => exitMethods.Contains(method.OriginalDefinition);

    public static ModuleIndex For(AnalysisSession session) => session.Index(() => Build(session));

    private static ModuleIndex Build(AnalysisSession session)
    {
        var inits = new Dictionary<INamedTypeSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        var exits = new Dictionary<INamedTypeSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not MethodDeclarationSyntax { AttributeLists.Count: > 0 } declaration
                    || session.Model(tree).GetDeclaredSymbol(declaration) is not IMethodSymbol method)
                    continue;
                var contract = session.Contract.Of(method);
                if (contract.IsModuleInit)
                    inits[method.ContainingType] = method;
                else if (contract.IsModuleExit)
                    exits[method.ContainingType] = method;
            }
        }
        var modules = ImmutableArray.CreateBuilder<KernelModule>();
        foreach (var pair in inits)
        {
            exits.TryGetValue(pair.Key, out var exit);
            modules.Add(new KernelModule(pair.Value, exit, Closure(session, pair.Value),
                exit is null ? ImmutableArray<IMethodSymbol>.Empty : Closure(session, exit)));
        }
        return new ModuleIndex(modules.ToImmutable());
    }

    /// <summary>The method and the source methods it calls, directly or not, each once.</summary>
    private static ImmutableArray<IMethodSymbol> Closure(AnalysisSession session, IMethodSymbol root)
    {
        var order = new List<IMethodSymbol> { root };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { root };
        for (var i = 0; i < order.Count && order.Count < MaxClosure; i++)
        {
            foreach (var reference in session.Declarations(order[i]))
            {
                var model = session.Model(reference.SyntaxTree);
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol callee
                        && !session.Declarations(callee.OriginalDefinition).IsEmpty && seen.Add(callee.OriginalDefinition))
                        order.Add(callee.OriginalDefinition);
                }
            }
        }
        return order.ToImmutableArray();
    }
}
