namespace Kmem.Analyzers.Model.Summaries;

/// <summary>
/// The contract inferred for a method of the compilation that carries no contract attribute: an
/// allocator wrapper returns what it allocated; a release wrapper releases its parameter on every path.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary None = new(null, null, -1);

    public MethodSummary(AllocationContract? allocation, ReleaseContract? release, int freedParameter)
    {
        Allocation = allocation;
        Release = release;
        FreedParameter = freedParameter;
    }

    public AllocationContract? Allocation { get; }
    public ReleaseContract? Release { get; }
    public int FreedParameter { get; }
}
