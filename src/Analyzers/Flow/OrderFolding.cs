using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// Folds a page order expression to its value: literals and constants, static readonly fields
/// initialised by constants, and <c>get_order</c> (any <c>[PageOrderOf]</c> method) of a constant size.
/// </summary>
internal sealed class OrderFolding
{
    private readonly AnalysisSession session;
    private readonly int pageShift;

    public OrderFolding(AnalysisSession session)
    {
        this.session = session;
        pageShift = PageShift(session);
    }

    public int? Fold(IOperation? operation) => Value(operation) is long value ? (int)value : null;

    private long? Value(IOperation? operation)
    {
        switch (operation)
        {
            case null:
                return null;
            case { ConstantValue: { HasValue: true, Value: { } constant } }:
                return constant is string or bool ? null : System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture);
            case IConversionOperation conversion:
                return Value(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Value(parenthesized.Operand);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return StaticReadonlyInitializer(field);
            case IInvocationOperation call when call.Arguments.Length == 1 && session.Contract.Of(call.TargetMethod).IsPageOrderOf:
                return Value(call.Arguments[0].Value) is long size && size > 0 ? PageOrder(size) : null;
            default:
                return null;
        }
    }

    /// <summary>The kernel's get_order: the smallest order with (PAGE_SIZE &lt;&lt; order) &gt;= size.</summary>
    private long PageOrder(long size)
    {
        var pages = (size - 1) >> pageShift;
        var order = 0;
        while (pages > 0)
        {
            order++;
            pages >>= 1;
        }
        return order;
    }

    private long? StaticReadonlyInitializer(IFieldSymbol field)
    {
        foreach (var reference in session.Declarations(field))
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                var constant = session.Model(initializer.SyntaxTree).GetConstantValue(initializer);
                if (constant is { HasValue: true, Value: int or long or uint or ulong or short or byte })
                    return System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    private static int PageShift(AnalysisSession session)
    {
        if (session.Contract.KernelType is { } kernel)
        {
            foreach (var member in kernel.GetMembers("PAGE_SHIFT"))
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int shift })
                    return shift;
            }
        }
        return 12;
    }
}
