using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>A GFP mask expression taken apart at its <c>|</c> operators, and the names of flag bits.</summary>
internal static class GfpOperands
{
    /// <summary>The operands OR-ed together (the expression itself when it is not an OR).</summary>
    public static ImmutableArray<IOperation> Of(IOperation mask)
    {
        var unwrapped = Storage.Unwrap(mask);
        if (!IsOr(unwrapped))
            return ImmutableArray.Create(unwrapped);
        var operands = ImmutableArray.CreateBuilder<IOperation>();
        Collect(unwrapped, operands);
        return operands.ToImmutable();
    }

    private static bool IsOr(IOperation operation) => operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or, OperatorMethod: null };

    /// <summary>The single-bit flag names of <paramref name="bits"/>, read from the gfp_t members (<c>__GFP_HIGHMEM | __GFP_DMA32</c>).</summary>
    public static string Names(INamedTypeSymbol gfpType, ulong bits)
    {
        var names = new List<string>();
        for (var bit = 1UL; bit != 0 && bit <= bits; bit <<= 1)
        {
            if ((bits & bit) != 0)
                names.Add(NameOf(gfpType, bit));
        }
        return string.Join(" | ", names);
    }

    private static void Collect(IOperation operation, ImmutableArray<IOperation>.Builder operands)
    {
        if (IsOr(operation))
        {
            var or = (IBinaryOperation)operation;
            Collect(Storage.Unwrap(or.LeftOperand), operands);
            Collect(Storage.Unwrap(or.RightOperand), operands);
            return;
        }
        operands.Add(operation);
    }

    private static string NameOf(INamedTypeSymbol gfpType, ulong bit)
    {
        string? found = null;
        foreach (var member in gfpType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field
                && System.Convert.ToUInt64(field.ConstantValue, CultureInfo.InvariantCulture) == bit
                && (found is null || (member.Name.StartsWith("__", System.StringComparison.Ordinal) && !found.StartsWith("__", System.StringComparison.Ordinal))))
                found = member.Name;
        }
        return found ?? "0x" + bit.ToString("x", CultureInfo.InvariantCulture);
    }
}
