using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>A module class: its [ModuleInit] and [ModuleExit] methods and every source method each of them calls.</summary>
internal sealed class KernelModule
{
    public KernelModule(IMethodSymbol init, IMethodSymbol? exit, ImmutableArray<IMethodSymbol> initClosure, ImmutableArray<IMethodSymbol> exitClosure)
    {
        Init = init;
        Exit = exit;
        InitClosure = initClosure;
        ExitClosure = exitClosure;
    }

    public IMethodSymbol Init { get; }
    public IMethodSymbol? Exit { get; }
    /// <summary>Init first, then its callees in breadth-first order.</summary>
    public ImmutableArray<IMethodSymbol> InitClosure { get; }
    public ImmutableArray<IMethodSymbol> ExitClosure { get; }
}
