using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Constants;

/// <summary>Integer arithmetic with C#'s unchecked semantics, on values held in a <see cref="long"/>.</summary>
internal static class IntegerValue
{
    /// <summary>The value of a constant of an integral or enum type; null for anything else or a <c>ulong</c> above <see cref="long.MaxValue"/>.</summary>
    [MethodImpl(Jit.Optimized)]
    public static long? From(object? constant) => constant switch
    {
        sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(constant, CultureInfo.InvariantCulture),
        ulong u when u <= long.MaxValue => (long)u,
        _ => null,
    };

    /// <summary>The operator applied to two values; null when it is undefined (division by zero, a shift out of range) or not arithmetic.</summary>
    public static long? Apply(BinaryOperatorKind kind, long left, long right) => kind switch
    {
        BinaryOperatorKind.Add => unchecked(left + right),
        BinaryOperatorKind.Subtract => unchecked(left - right),
        BinaryOperatorKind.Multiply => unchecked(left * right),
        BinaryOperatorKind.Divide when right != 0 => left / right,
        BinaryOperatorKind.Remainder when right != 0 => left % right,
        BinaryOperatorKind.LeftShift when right is >= 0 and < 64 => left << (int)right,
        BinaryOperatorKind.RightShift when right is >= 0 and < 64 => left >> (int)right,
        BinaryOperatorKind.Or => left | right,
        BinaryOperatorKind.And => left & right,
        BinaryOperatorKind.ExclusiveOr => left ^ right,
        _ => null,
    };

    /// <summary>The value as the C# type <paramref name="type"/> holds it (truncated and sign-extended as an unchecked conversion does).</summary>
    public static long? WrapTo(ITypeSymbol? type, long? value)
    {
        if (value is not { } v || type is null)
            return null;
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            type = underlying;
        return type.SpecialType switch
        {
            SpecialType.System_SByte => unchecked((sbyte)v),
            SpecialType.System_Byte => unchecked((byte)v),
            SpecialType.System_Int16 => unchecked((short)v),
            SpecialType.System_UInt16 => unchecked((ushort)v),
            SpecialType.System_Int32 => unchecked((int)v),
            SpecialType.System_UInt32 => unchecked((uint)v),
            SpecialType.System_Int64 => v,
            SpecialType.System_UInt64 when v >= 0 => v,
            _ => null,
        };
    }
}
