using Kmem.Analyzers.Constants;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>
/// Whether two expressions denote the same value: equal constants, or the same side-effect-free
/// expression written twice (variables, constants, arithmetic, <c>sizeof</c>).
/// </summary>
internal static class SameValue
{
    public static bool Of(IOperation? left, IOperation? right, ConstantEvaluator constants)
    {
        if (left is null || right is null)
            return false;
        if (constants.TryEvaluate(left, out var a) && constants.TryEvaluate(right, out var b))
            return a == b;
        return IsPure(left) && Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(left.Syntax, right.Syntax) && IsPure(right);
    }

    /// <summary>Whether evaluating the expression has no side effect and reads only variables and constants.</summary>
    public static bool IsPure(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
            return true;
        return operation switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation or ISizeOfOperation => true,
            IFieldReferenceOperation field => field.Instance is null || IsPure(field.Instance),
            IConversionOperation conversion => conversion.OperatorMethod is null && IsPure(conversion.Operand),
            IBinaryOperation binary => binary.OperatorMethod is null && IsPure(binary.LeftOperand) && IsPure(binary.RightOperand),
            IUnaryOperation unary => unary.OperatorMethod is null && IsPure(unary.Operand),
            _ => false,
        };
    }
}
