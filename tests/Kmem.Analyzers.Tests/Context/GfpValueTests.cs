using Kmem.Analyzers.Context;
using Xunit;

namespace Kmem.Analyzers.Tests.Context;

/// <summary>The algebra of what is known of a GFP mask.</summary>
public sealed class GfpValueTests
{
    [Fact]
    public void Or_reclaims_when_either_side_does_and_keeps_forwarded_parameters()
    {
        var value = GfpValue.Or(GfpValue.Parameter(1), GfpValue.Constant(reclaims: true));

        Assert.True(value.Reclaims);
        Assert.Equal(new[] { 1 }, value.Forwarded);
        Assert.False(value.IsConstant);
    }

    [Fact]
    public void And_with_a_constant_without_the_reclaim_bit_clears_it()
    {
        var value = GfpValue.And(GfpValue.Parameter(0), GfpValue.Constant(reclaims: false));

        Assert.False(value.Reclaims);
        Assert.Empty(value.Forwarded);
    }

    [Fact]
    public void And_with_a_reclaiming_constant_keeps_the_other_side()
    {
        var value = GfpValue.And(GfpValue.Constant(reclaims: true), GfpValue.Parameter(2));

        Assert.Equal(new[] { 2 }, value.Forwarded);
    }

    [Fact]
    public void Unknown_does_not_reclaim_and_forwards_nothing()
    {
        Assert.False(GfpValue.Unknown.Reclaims);
        Assert.Empty(GfpValue.Unknown.Forwarded);
    }
}
