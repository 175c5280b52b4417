using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Constants;

/// <summary>
/// The runtime's page-allocator constants, read from its <c>Kernel</c> type so that nothing is
/// hard-coded: <c>MAX_PAGE_ORDER</c>, <c>PAGE_SHIFT</c>, and and which function is <c>get_order</c> (from its contract).
/// </summary>
internal sealed class KernelConstants
{
    private readonly KernelContract contract;

    private KernelConstants(KernelContract contract)
    {
        this.contract = contract;
        MaxPageOrder = ConstantOf(contract.KernelType, "MAX_PAGE_ORDER");
        PageShift = (int)(ConstantOf(contract.KernelType, "PAGE_SHIFT") ?? 0);
    }

    /// <summary>The largest order the page allocator serves; null when the runtime does not say.</summary>
    public long? MaxPageOrder { get; }

    /// <summary>log2 of the page size; 0 when the runtime does not say.</summary>
    public int PageShift { get; }

    public static KernelConstants For(AnalysisSession session) => new(session.Contract);

    /// <summary>Whether the method computes a page order from a size (<c>[PageOrderOf]</c>, as <c>get_order</c>).</summary>
    public bool IsGetOrder(IMethodSymbol method) => contract.Of(method).IsPageOrderOf;

    [MethodImpl(Jit.Optimized)]
    private static ImmutableArray<ISymbol> Members(INamedTypeSymbol? kernel, string name) =>
        kernel is null ? ImmutableArray<ISymbol>.Empty : kernel.GetMembers(name);

    [MethodImpl(Jit.Optimized)]
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
