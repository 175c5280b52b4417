using System;
using System.Globalization;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Context;

/// <summary>Evaluates GFP mask arguments to a <see cref="GfpValue"/>, from constant values and the runtime's bit layout.</summary>
internal sealed class GfpEvaluator
{
    private readonly GfpLayout layout;

    public GfpEvaluator(GfpLayout layout) => this.layout = layout;

    /// <summary>The mask <paramref name="value"/> evaluated inside <paramref name="owner"/> (whose parameters it may forward).</summary>
    public GfpValue Evaluate(IOperation? value, IMethodSymbol owner)
    {
        switch (value)
        {
            case null:
                return GfpValue.Unknown;
            case { ConstantValue: { HasValue: true, Value: { } constant } }:
                return GfpValue.Constant(layout.MayReclaim(Bits(constant)));
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, owner);
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, owner):
                return GfpValue.Parameter(parameter.Parameter.Ordinal);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return GfpValue.Or(Evaluate(or.LeftOperand, owner), Evaluate(or.RightOperand, owner));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.And } and:
                return GfpValue.And(Evaluate(and.LeftOperand, owner), Evaluate(and.RightOperand, owner));
            default:
                return GfpValue.Unknown;
        }
    }

    /// <summary>Whether a constant mask allows direct reclaim.</summary>
    public bool MayReclaim(object constant) => layout.MayReclaim(Bits(constant));

    /// <summary>The bits of a constant mask.</summary>
    public static ulong Bits(object constant) => constant switch
    {
        uint or ulong or ushort or byte or Enum => Convert.ToUInt64(constant, CultureInfo.InvariantCulture),
        int or long or short or sbyte => unchecked((ulong)Convert.ToInt64(constant, CultureInfo.InvariantCulture)),
        _ => 0,
    };
}
