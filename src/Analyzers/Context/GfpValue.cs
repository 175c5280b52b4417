using System.Collections.Immutable;

namespace Kmem.Analyzers.Context;

/// <summary>
/// What is known of a GFP mask expression: whether a constant part of it allows direct reclaim,
/// and which parameters of the enclosing method flow into it unchanged (a forwarding wrapper).
/// Anything else is unknown and taken not to reclaim, to avoid false positives.
/// </summary>
internal readonly struct GfpValue
{
    private GfpValue(bool reclaims, bool isConstant, ImmutableArray<int> forwarded)
    {
        Reclaims = reclaims;
        IsConstant = isConstant;
        Forwarded = forwarded;
    }

    public static GfpValue Unknown => new(false, false, ImmutableArray<int>.Empty);

    /// <summary>A constant part of the mask allows direct reclaim.</summary>
    public bool Reclaims { get; }

    /// <summary>The whole mask is a constant.</summary>
    public bool IsConstant { get; }

    /// <summary>The ordinals of the enclosing method's parameters whose mask reaches this one.</summary>
    public ImmutableArray<int> Forwarded { get; }

    public static GfpValue Constant(bool reclaims) => new(reclaims, true, ImmutableArray<int>.Empty);

    public static GfpValue Parameter(int ordinal) => new(false, false, ImmutableArray.Create(ordinal));

    /// <summary><c>a | b</c>: reclaims when either side does.</summary>
    public static GfpValue Or(GfpValue left, GfpValue right) =>
        new(left.Reclaims || right.Reclaims, false, Union(left.Forwarded, right.Forwarded));

    /// <summary><c>a &amp; b</c>: a constant side without the reclaim bit clears it; a constant side with it keeps the other.</summary>
    public static GfpValue And(GfpValue left, GfpValue right)
    {
        if ((left.IsConstant && !left.Reclaims) || (right.IsConstant && !right.Reclaims))
            return Constant(false);
        if (left.IsConstant)
            return right;
        if (right.IsConstant)
            return left;
        return new(left.Reclaims && right.Reclaims, false, Union(left.Forwarded, right.Forwarded));
    }

    private static ImmutableArray<int> Union(ImmutableArray<int> left, ImmutableArray<int> right)
    {
        if (right.IsEmpty)
            return left;
        var builder = left.ToBuilder();
        foreach (var ordinal in right)
        {
            if (!builder.Contains(ordinal))
                builder.Add(ordinal);
        }
        return builder.ToImmutable();
    }
}
