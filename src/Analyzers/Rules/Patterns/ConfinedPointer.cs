using System.Collections.Immutable;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>
/// A local that holds one allocation and never lets it leave the method: it is only assigned that
/// allocation or NULL, compared, NULL-tested, and passed to the runtime's own functions (which keep
/// no pointer). Rewriting the allocation and the local's releases together is then safe.
/// </summary>
internal sealed class ConfinedPointer
{
    private ConfinedPointer(ImmutableArray<IInvocationOperation> releases) => Releases = releases;

    /// <summary>The runtime releases the local is passed to.</summary>
    public ImmutableArray<IInvocationOperation> Releases { get; }

    /// <summary>The local that the allocation is stored in (a declarator or a simple assignment), or null.</summary>
    public static ILocalSymbol? TargetLocal(IInvocationOperation allocation)
    {
        var parent = Storage.ParentSkippingConversions(allocation, out var child);
        return parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Value == child && assignment.Target is ILocalReferenceOperation local => local.Local,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            _ => null,
        };
    }

    /// <summary>
    /// The uses of <paramref name="local"/> when they are all confined to the method and it is assigned
    /// nothing but NULL and <paramref name="allocations"/>; otherwise null.
    /// </summary>
    public static ConfinedPointer? Analyze(ILocalSymbol local, ImmutableArray<IInvocationOperation> allocations, KernelContract contract, RuntimeFunctions runtime, NullTests nulls)
    {
        var allocation = allocations[0];
        var root = (IOperation)allocation;
        while (root.Parent is not null)
            root = root.Parent;

        var releases = ImmutableArray.CreateBuilder<IInvocationOperation>();
        foreach (var operation in root.Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                continue;
            var parent = Storage.ParentSkippingConversions(reference, out var child);
            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == child:
                    if (!(Storage.Unwrap(assignment.Value) is IInvocationOperation assigned && allocations.Contains(assigned)) && !nulls.IsNull(assignment.Value))
                        return null;
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call } argument when runtime.IsRuntimeApi(call.TargetMethod):
                    var callContract = contract.Of(call.TargetMethod);
                    if (callContract.Release is not null && argument.Parameter?.Ordinal == callContract.FreedParameter)
                        releases.Add(call);
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    break;
                case IUnaryOperation { OperatorMethod: { } method } when contract.Of(method).IsNullTest:
                    break;
                default:
                    return null;
            }
        }
        return new ConfinedPointer(releases.ToImmutable());
    }
}
