using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Constants;

/// <summary>
/// Evaluates integer expressions that are constant at run time although C# may not call them
/// constant: literals, <c>const</c> fields and locals, <c>static readonly</c> fields initialised by
/// constants, enum values (GFP masks), arithmetic and bit operations on those, and
/// <c>get_order</c> of a constant. Arithmetic wraps to the operation's type as C# does unchecked.
/// Anything else (a parameter, a mutable local, a call) is not constant.
/// </summary>
internal sealed class ConstantEvaluator
{
    private const int MaxDepth = 16;

    private readonly StaticReadonlyInitializers initializers;
    private readonly KernelConstants kernel;

    public ConstantEvaluator(AnalysisSession session)
    {
        initializers = new StaticReadonlyInitializers(session);
        kernel = KernelConstants.For(session);
    }

    /// <summary>The runtime's constants (<c>MAX_PAGE_ORDER</c>, <c>PAGE_SHIFT</c>, <c>get_order</c>).</summary>
    public KernelConstants Kernel => kernel;

    /// <summary>The value of <paramref name="operation"/> when it is constant.</summary>
    public bool TryEvaluate(IOperation? operation, out long value)
    {
        var result = Evaluate(operation, 0);
        value = result ?? 0;
        return result.HasValue;
    }

    /// <summary>The value of a page order expression when it is constant.</summary>
    public int? Order(IOperation? operation) =>
        TryEvaluate(operation, out var value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    [MethodImpl(Jit.Optimized)]
    private long? Evaluate(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
            return null;
        if (operation.ConstantValue.HasValue)
            return IntegerValue.From(operation.ConstantValue.Value);
        return operation switch
        {
            IConversionOperation conversion => IntegerValue.WrapTo(conversion.Type, Evaluate(conversion.Operand, depth + 1)),
            IFieldReferenceOperation field => Evaluate(initializers.Of(field.Field), depth + 1),
            IUnaryOperation unary => Unary(unary, depth),
            IBinaryOperation binary => Binary(binary, depth),
            IInvocationOperation call when kernel.IsGetOrder(call.TargetMethod) && call.Arguments.Length == 1 =>
                PageOrder.OfSize(Evaluate(call.Arguments[0].Value, depth + 1), kernel.PageShift),
            _ => null,
        };
    }

    private long? Unary(IUnaryOperation unary, int depth)
    {
        if (unary.OperatorMethod is not null || Evaluate(unary.Operand, depth + 1) is not { } operand)
            return null;
        return unary.OperatorKind switch
        {
            UnaryOperatorKind.Plus => operand,
            UnaryOperatorKind.Minus => IntegerValue.WrapTo(unary.Type, -operand),
            UnaryOperatorKind.BitwiseNegation => IntegerValue.WrapTo(unary.Type, ~operand),
            _ => null,
        };
    }

    private long? Binary(IBinaryOperation binary, int depth)
    {
        if (binary.OperatorMethod is not null
            || Evaluate(binary.LeftOperand, depth + 1) is not { } left
            || Evaluate(binary.RightOperand, depth + 1) is not { } right)
            return null;
        return IntegerValue.WrapTo(binary.Type, IntegerValue.Apply(binary.OperatorKind, left, right));
    }
}
