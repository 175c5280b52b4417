using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Context;

/// <summary>
/// The values assigned to delegate-typed locals and fields anywhere in the compilation, so that a
/// handler registered through a variable (<c>request_irq(irq, handler, …)</c>) resolves to the
/// method groups and lambdas that variable may hold.
/// </summary>
internal sealed class DelegateBindings
{
    private readonly Dictionary<ISymbol, List<IOperation>> values = new(SymbolEqualityComparer.Default);

    /// <summary>Records <c>target = value</c> when the target is a delegate-typed local or field.</summary>
    public void Assign(IOperation target, IOperation value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Bind(local.Local, value);
                break;
            case IFieldReferenceOperation field:
                Bind(field.Field, value);
                break;
        }
    }

    /// <summary>Records an initializer of a delegate-typed local or field.</summary>
    public void Bind(ISymbol variable, IOperation value)
    {
        var type = variable switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type?.TypeKind != TypeKind.Delegate)
            return;
        var key = variable.OriginalDefinition;
        if (!values.TryGetValue(key, out var list))
            values[key] = list = new List<IOperation>();
        list.Add(value);
    }

    /// <summary>The methods and lambdas a delegate-valued expression may stand for.</summary>
    public List<IMethodSymbol> Resolve(IOperation? value)
    {
        var targets = new List<IMethodSymbol>();
        Resolve(value, targets, new HashSet<ISymbol>(SymbolEqualityComparer.Default));
        return targets;
    }

    private void Resolve(IOperation? value, List<IMethodSymbol> targets, HashSet<ISymbol> seen)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                Resolve(conversion.Operand, targets, seen);
                break;
            case IDelegateCreationOperation creation:
                Resolve(creation.Target, targets, seen);
                break;
            case IMethodReferenceOperation reference:
                targets.Add(reference.Method);
                break;
            case IAnonymousFunctionOperation lambda:
                targets.Add(lambda.Symbol);
                break;
            case IConditionalOperation conditional:
                Resolve(conditional.WhenTrue, targets, seen);
                Resolve(conditional.WhenFalse, targets, seen);
                break;
            case ILocalReferenceOperation local:
                ResolveVariable(local.Local, targets, seen);
                break;
            case IFieldReferenceOperation field:
                ResolveVariable(field.Field, targets, seen);
                break;
        }
    }

    private void ResolveVariable(ISymbol variable, List<IMethodSymbol> targets, HashSet<ISymbol> seen)
    {
        if (!seen.Add(variable.OriginalDefinition) || !values.TryGetValue(variable.OriginalDefinition, out var assigned))
            return;
        foreach (var value in assigned)
            Resolve(value, targets, seen);
    }
}
