using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>
/// A module class: its [ModuleInit] and [ModuleExit] methods and every source method each of them calls. The
/// closures are followed (and the bodies they name bound) only when a rule first asks for them.
/// </summary>
internal sealed class KernelModule
{
    private readonly Lazy<ImmutableArray<IMethodSymbol>> initClosure;
    private readonly Lazy<ImmutableArray<IMethodSymbol>> exitClosure;

    public KernelModule(IMethodSymbol init, IMethodSymbol? exit, Func<IMethodSymbol, ImmutableArray<IMethodSymbol>> closure)
    {
        Init = init;
        Exit = exit;
        initClosure = new Lazy<ImmutableArray<IMethodSymbol>>(() => closure(init), LazyThreadSafetyMode.ExecutionAndPublication);
        exitClosure = new Lazy<ImmutableArray<IMethodSymbol>>(() => exit is null ? ImmutableArray<IMethodSymbol>.Empty : closure(exit),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IMethodSymbol Init { get; }
    public IMethodSymbol? Exit { get; }
    /// <summary>Init first, then its callees in breadth-first order.</summary>
    public ImmutableArray<IMethodSymbol> InitClosure => initClosure.Value;
    public ImmutableArray<IMethodSymbol> ExitClosure => exitClosure.Value;

    /// <summary>Whether init or exit calls <paramref name="method"/>, directly or not (or is it).</summary>
    public bool Calls(IMethodSymbol method) => InInit(method) || InExit(method);

    /// <summary>Whether <paramref name="method"/> is init or one it calls, directly or not.</summary>
    public bool InInit(IMethodSymbol method) => InitClosure.Contains(method.OriginalDefinition, SymbolEqualityComparer.Default);

    /// <summary>Whether <paramref name="method"/> is exit or one it calls, directly or not.</summary>
    public bool InExit(IMethodSymbol method) => ExitClosure.Contains(method.OriginalDefinition, SymbolEqualityComparer.Default);
}
