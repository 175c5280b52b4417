using Kmem.Analyzers.Constants;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// Where memory comes from in one method: an allocating call (of the runtime or of a summarised
/// wrapper), or a pointer parameter, which the method receives but does not own.
/// </summary>
internal sealed class AllocationSite
{
    private AllocationSite(int index, IInvocationOperation? call, IParameterSymbol? parameter, AllocationContract? allocation,
        IOperation? order, int? orderValue, IOperation? cache)
    {
        Index = index;
        Call = call;
        Parameter = parameter;
        Allocation = allocation;
        Order = order;
        OrderValue = orderValue;
        Cache = cache;
    }

    /// <summary>The site's bit in <see cref="PointerState"/> masks.</summary>
    public int Index { get; }
    public ulong Bit => 1UL << Index;

    /// <summary>The allocating call; null for a parameter.</summary>
    public IInvocationOperation? Call { get; }
    public IParameterSymbol? Parameter { get; }
    public AllocationContract? Allocation { get; }

    public MemoryFamily Family => Allocation?.Family ?? MemoryFamily.None;
    public FailureKind FailsWith => Allocation?.FailsWith ?? FailureKind.Never;

    /// <summary>The order argument of a page allocation, when a parameter carries it.</summary>
    public IOperation? Order { get; }
    /// <summary>The page order when it folds to a constant (or is fixed by the allocator).</summary>
    public int? OrderValue { get; }
    /// <summary>The slab cache argument of a slab object allocation.</summary>
    public IOperation? Cache { get; }

    /// <summary>The allocator's name as the user wrote it.</summary>
    public string Allocator => Call?.TargetMethod.Name ?? Parameter?.Name ?? "?";

    public bool IsParameter => Parameter is not null;

    public static AllocationSite ForCall(int index, IInvocationOperation call, AllocationContract allocation, CallContract declared, ConstantEvaluator constants)
    {
        var order = CallContract.Argument(call, declared.OrderParameter);
        int? orderValue = order is not null ? constants.Order(order) : allocation.FixedOrder >= 0 ? allocation.FixedOrder : null;
        return new AllocationSite(index, call, null, allocation, order, orderValue, CallContract.Argument(call, declared.CacheParameter));
    }

    public static AllocationSite ForParameter(int index, IParameterSymbol parameter) =>
        new(index, null, parameter, null, null, null, null);
}
