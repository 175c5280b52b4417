using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Constants;

/// <summary>
/// The runtime's page-allocator constants, read from its <c>Kernel</c> type so that nothing is
/// hard-coded: <c>MAX_PAGE_ORDER</c>, <c>PAGE_SHIFT</c>, and the <c>get_order</c> function.
/// </summary>
internal sealed class KernelConstants
{
    private readonly IMethodSymbol? getOrder;

    private KernelConstants(INamedTypeSymbol? kernel)
    {
        MaxPageOrder = ConstantOf(kernel, "MAX_PAGE_ORDER");
        PageShift = (int)(ConstantOf(kernel, "PAGE_SHIFT") ?? 0);
        foreach (var member in Members(kernel, "get_order"))
        {
            if (member is IMethodSymbol method)
                getOrder = method;
        }
    }

    /// <summary>The largest order the page allocator serves; null when the runtime does not say.</summary>
    public long? MaxPageOrder { get; }

    /// <summary>log2 of the page size; 0 when the runtime does not say.</summary>
    public int PageShift { get; }

    public static KernelConstants For(AnalysisSession session) => new(session.Contract.KernelType);

    /// <summary>Whether the method is the runtime's <c>get_order</c>.</summary>
    public bool IsGetOrder(IMethodSymbol method) =>
        getOrder is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, getOrder);

    private static ImmutableArray<ISymbol> Members(INamedTypeSymbol? kernel, string name) =>
        kernel is null ? ImmutableArray<ISymbol>.Empty : kernel.GetMembers(name);

    private static long? ConstantOf(INamedTypeSymbol? kernel, string name)
    {
        foreach (var member in Members(kernel, name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
                return IntegerValue.From(field.ConstantValue);
        }
        return null;
    }
}
