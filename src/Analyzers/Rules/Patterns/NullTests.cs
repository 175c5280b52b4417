using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>
/// Recognises NULL tests of a pointer, from the contract: <c>!p</c> (a <c>[NullTest]</c> operator),
/// <c>p == NULL</c> (a <c>[NullPointer]</c> member, <c>default</c>, <c>0</c> for an address,
/// <c>null</c> for a page), their negations (<c>!!p</c>, <c>p != NULL</c>) and mirror images.
/// </summary>
internal sealed class NullTests
{
    private readonly KernelContract contract;

    public NullTests(KernelContract contract) => this.contract = contract;

    /// <summary>The operand of a condition that is true exactly when the operand is NULL; otherwise null.</summary>
    public IOperation? NullTested(IOperation condition) => Tested(Storage.Unwrap(condition), whenNull: true);

    /// <summary>The operand of a condition that is true exactly when the operand is not NULL; otherwise null.</summary>
    public IOperation? NonNullTested(IOperation condition) => Tested(Storage.Unwrap(condition), whenNull: false);

    private IOperation? Tested(IOperation condition, bool whenNull)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: { } method } unary
                when whenNull && contract.Of(method).IsNullTest:
                return unary.Operand;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } negation:
                return Tested(Storage.Unwrap(negation.Operand), !whenNull);
            case IBinaryOperation binary when binary.OperatorKind == (whenNull ? BinaryOperatorKind.Equals : BinaryOperatorKind.NotEquals):
                if (IsNull(binary.RightOperand))
                    return binary.LeftOperand;
                return IsNull(binary.LeftOperand) ? binary.RightOperand : null;
            default:
                return null;
        }
    }

    /// <summary>Whether the operation is the NULL pointer (or address 0, or a null page).</summary>
    public bool IsNull(IOperation operation)
    {
        operation = Storage.Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: var value })
            return value is null || value is 0 or 0L or 0UL or 0U;
        return operation switch
        {
            IDefaultValueOperation => true,
            IFieldReferenceOperation field => contract.IsNullPointer(field.Field),
            IPropertyReferenceOperation property => contract.IsNullPointer(property.Property),
            _ => false,
        };
    }
}
