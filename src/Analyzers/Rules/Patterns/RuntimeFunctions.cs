using System.Collections.Generic;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>Functions of the runtime's <c>Kernel</c> type that the rules look up by their kernel name or by their contract.</summary>
internal sealed class RuntimeFunctions
{
    private readonly KernelContract contract;
    private readonly IMethodSymbol? memset;

    public RuntimeFunctions(KernelContract contract)
    {
        this.contract = contract;
        if (contract.KernelType is { } kernel)
        {
            foreach (var member in kernel.GetMembers("memset"))
                memset ??= member as IMethodSymbol;
        }
    }

    /// <summary>Whether the method is the runtime's <c>memset(s, c, n)</c>.</summary>
    public bool IsMemset(IMethodSymbol method) =>
        memset is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, memset);

    /// <summary>Whether the method belongs to the runtime's API, which never keeps a pointer it is given.</summary>
    public bool IsRuntimeApi(IMethodSymbol method) =>
        contract.KernelType is { } kernel && SymbolEqualityComparer.Default.Equals(method.ContainingType, kernel);

    /// <summary>
    /// The runtime function that releases memory of <paramref name="family"/> and takes as many
    /// parameters as <paramref name="like"/>, preferring the one that accepts the fewest families.
    /// </summary>
    public IMethodSymbol? ReleaseAccepting(MemoryFamily family, IMethodSymbol like)
    {
        IMethodSymbol? best = null;
        var bestWidth = int.MaxValue;
        foreach (var member in contract.KernelType?.GetMembers() ?? ImmutableArrayOfNone())
        {
            if (member is not IMethodSymbol method || method.Parameters.Length != like.Parameters.Length)
                continue;
            if (contract.Of(method).Release is not { } release || (release.Families & family) != family)
                continue;
            var width = BitCount((int)release.Families);
            if (width < bestWidth)
            {
                best = method;
                bestWidth = width;
            }
        }
        return best;
    }

    /// <summary>
    /// The method named <paramref name="name"/> next to <paramref name="original"/> whose parameters
    /// have the same types in the same order, or null.
    /// </summary>
    public static IMethodSymbol? SameShapeVariant(IMethodSymbol original, string? name)
    {
        if (name is null)
            return null;
        foreach (var member in original.ContainingType.GetMembers(name))
        {
            if (member is IMethodSymbol variant && SameParameterTypes(original, variant))
                return variant;
        }
        return null;
    }

    private static bool SameParameterTypes(IMethodSymbol a, IMethodSymbol b)
    {
        if (a.Parameters.Length != b.Parameters.Length)
            return false;
        for (var i = 0; i < a.Parameters.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(a.Parameters[i].Type, b.Parameters[i].Type))
                return false;
        }
        return true;
    }

    private static IEnumerable<ISymbol> ImmutableArrayOfNone() => System.Array.Empty<ISymbol>();

    private static int BitCount(int value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1)
            count++;
        return count;
    }
}
