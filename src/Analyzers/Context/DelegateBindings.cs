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
    private readonly Dictionary<IOperation, SourceOrder> positions = new();

    /// <summary>Records <c>target = value</c> when the target is a delegate-typed local or field.</summary>
    public void Assign(IOperation target, IOperation value, SourceOrder order = default)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Bind(local.Local, value, order);
                break;
            case IFieldReferenceOperation field:
                Bind(field.Field, value, order);
                break;
        }
    }

    /// <summary>Records an initializer of a delegate-typed local or field.</summary>
    public void Bind(ISymbol variable, IOperation value, SourceOrder order = default)
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
        positions[value] = order;
    }

    /// <summary>Puts each variable's values in source order (they may have been added in any order).</summary>
    public void Sort()
    {
        foreach (var list in values.Values)
        {
            if (list.Count > 1)
                list.Sort((a, b) => positions[a].CompareTo(positions[b]));
        }
    }

    /// <summary>The methods and lambdas a delegate-valued expression may stand for.</summary>
    public List<IMethodSymbol> Resolve(IOperation? value) => Resolve(value, null);

    /// <summary>The methods and lambdas a delegate-valued expression may stand for; adds to <paramref name="fields"/> the fields it reads them from.</summary>
    public List<IMethodSymbol> Resolve(IOperation? value, List<IFieldSymbol>? fields)
    {
        var targets = new List<IMethodSymbol>();
        Resolve(value, targets, new HashSet<ISymbol>(SymbolEqualityComparer.Default), fields);
        return targets;
    }

    private void Resolve(IOperation? value, List<IMethodSymbol> targets, HashSet<ISymbol> seen, List<IFieldSymbol>? fields)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                Resolve(conversion.Operand, targets, seen, fields);
                break;
            case IDelegateCreationOperation creation:
                Resolve(creation.Target, targets, seen, fields);
                break;
            case IMethodReferenceOperation reference:
                targets.Add(reference.Method);
                break;
            case IAnonymousFunctionOperation lambda:
                targets.Add(lambda.Symbol);
                break;
            case IConditionalOperation conditional:
                Resolve(conditional.WhenTrue, targets, seen, fields);
                Resolve(conditional.WhenFalse, targets, seen, fields);
                break;
            case ILocalReferenceOperation local:
                ResolveVariable(local.Local, targets, seen, fields);
                break;
            case IFieldReferenceOperation field:
                fields?.Add(field.Field);
                ResolveVariable(field.Field, targets, seen, fields);
                break;
        }
    }

    private void ResolveVariable(ISymbol variable, List<IMethodSymbol> targets, HashSet<ISymbol> seen, List<IFieldSymbol>? fields)
    {
        if (!seen.Add(variable.OriginalDefinition) || !values.TryGetValue(variable.OriginalDefinition, out var assigned))
            return;
        foreach (var value in assigned)
            Resolve(value, targets, seen, fields);
    }
}
