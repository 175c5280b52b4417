using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>Recognises references to the same variable: a local, a parameter, or a field of the same object.</summary>
internal static class Storage
{
    /// <summary>The operation without the conversions around it.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }

    /// <summary>The nearest ancestor that is not a conversion of <paramref name="operation"/>, and the child it was reached from.</summary>
    public static IOperation? ParentSkippingConversions(IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            child = parent;
            parent = parent.Parent;
        }
        return parent;
    }

    /// <summary>Whether both operations read the same variable, without side effects.</summary>
    public static bool Same(IOperation? left, IOperation? right)
    {
        if (left is null || right is null)
            return false;
        return (Unwrap(left), Unwrap(right)) switch
        {
            (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
            (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
            (IFieldReferenceOperation a, IFieldReferenceOperation b) =>
                SymbolEqualityComparer.Default.Equals(a.Field, b.Field) && SameReceiver(a.Instance, b.Instance),
            _ => false,
        };
    }

    private static bool SameReceiver(IOperation? left, IOperation? right) =>
        (left, right) switch
        {
            (null, null) => true,
            (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
            _ => Same(left, right),
        };
}
