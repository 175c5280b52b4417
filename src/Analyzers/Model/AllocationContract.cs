namespace Kmem.Analyzers.Model;

/// <summary>What an allocating function promises (from <c>[Allocates]</c>, or inferred for a wrapper).</summary>
internal sealed class AllocationContract
{
    public AllocationContract(MemoryFamily family, FailureKind failsWith, int fixedOrder, bool zeroes, long maxSize,
        string? zeroingVariant, string? arrayVariant, string? largeVariant)
    {
        Family = family;
        FailsWith = failsWith;
        FixedOrder = fixedOrder;
        Zeroes = zeroes;
        MaxSize = maxSize;
        ZeroingVariant = zeroingVariant;
        ArrayVariant = arrayVariant;
        LargeVariant = largeVariant;
    }

    public MemoryFamily Family { get; }
    public FailureKind FailsWith { get; }
    /// <summary>The order when no parameter carries it; -1 when orders do not apply.</summary>
    public int FixedOrder { get; }
    public bool Zeroes { get; }
    /// <summary>0 when no limit is stated.</summary>
    public long MaxSize { get; }
    public string? ZeroingVariant { get; }
    public string? ArrayVariant { get; }
    public string? LargeVariant { get; }
}

/// <summary>What a releasing function promises (from <c>[Releases]</c>, or inferred for a wrapper).</summary>
internal sealed class ReleaseContract
{
    public ReleaseContract(MemoryFamily families, int fixedOrder, bool acceptsNull)
    {
        Families = families;
        FixedOrder = fixedOrder;
        AcceptsNull = acceptsNull;
    }

    public MemoryFamily Families { get; }
    public int FixedOrder { get; }
    public bool AcceptsNull { get; }
}
