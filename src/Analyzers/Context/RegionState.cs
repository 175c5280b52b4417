namespace Kmem.Analyzers.Context;

/// <summary>
/// The atomic depth at a program point: how many atomic sections may be open, and the outermost
/// one. Joins take the deeper state ("may be atomic"), so an unlock on one branch only still
/// leaves the code after the merge atomic. The depth is capped so that loops reach a fixed point.
/// </summary>
internal sealed class RegionState
{
    private const int MaxDepth = 8;

    public static readonly RegionState Outside = new(0, null);

    private RegionState(int depth, AtomicSection? outermost)
    {
        Depth = depth;
        Outermost = outermost;
    }

    public int Depth { get; }

    /// <summary>The section that made the code atomic; null at depth 0.</summary>
    public AtomicSection? Outermost { get; }

    public RegionState Enter(AtomicSection section) =>
        Depth == 0 ? new RegionState(1, section) : Depth == MaxDepth ? this : new RegionState(Depth + 1, Outermost);

    /// <summary>An exit without an open section (a helper that releases its caller's lock) leaves depth 0.</summary>
    public RegionState Exit() => Depth <= 1 ? Outside : new RegionState(Depth - 1, Outermost);

    public static RegionState Join(RegionState left, RegionState right)
    {
        if (left.Depth != right.Depth)
            return left.Depth > right.Depth ? left : right;
        return Position(left) <= Position(right) ? left : right;
    }

    public static bool Same(RegionState left, RegionState right) =>
        left.Depth == right.Depth && Position(left) == Position(right);

    private static int Position(RegionState state) => state.Outermost?.Call.SpanStart ?? -1;
}
