using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>How methods and contexts are named in KMEM001 messages.</summary>
internal static class ContextNames
{
    /// <summary>The name of a method in a call chain; a lambda is named after the method that contains it.</summary>
    public static string Of(IMethodSymbol method) =>
        method.MethodKind == MethodKind.AnonymousFunction ? "lambda in " + Of(method.ContainingSymbol) : method.Name;

    /// <summary>The kernel's name of an atomic context.</summary>
    public static string Of(KernelContext context) => context switch
    {
        KernelContext.HardIrq => "hard-IRQ",
        KernelContext.SoftIrq => "softirq",
        _ => "atomic",
    };

    private static string Of(ISymbol? symbol) => symbol switch
    {
        IMethodSymbol method => Of(method),
        null => "?",
        _ => symbol.Name,
    };
}
