using System.Collections.Generic;
using Kmem.Analyzers.Flow;
using Xunit;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>The solver's worklist: lowest ordinal first, each block once however often it is added.</summary>
public sealed class BlockWorklistTests
{
    [Fact]
    public void TakesTheLowestOrdinalFirstEvenWhenALowerOneIsAddedLater()
    {
        var worklist = new BlockWorklist(8);
        worklist.Add(5);
        worklist.Add(2);
        var taken = new List<int> { worklist.TakeLowest() };
        worklist.Add(7);
        worklist.Add(1);   // a back edge to a block before the one just taken
        while (!worklist.IsEmpty)
            taken.Add(worklist.TakeLowest());
        Assert.Equal(new[] { 2, 1, 5, 7 }, taken);
    }

    [Fact]
    public void HoldsABlockOnceAndTakesItAgainAfterItIsAddedAgain()
    {
        var worklist = new BlockWorklist(4);
        worklist.Add(3);
        worklist.Add(3);
        Assert.Equal(3, worklist.TakeLowest());
        Assert.True(worklist.IsEmpty);
        worklist.Add(3);
        worklist.Add(0);
        Assert.Equal(0, worklist.TakeLowest());
        Assert.Equal(3, worklist.TakeLowest());
        Assert.True(worklist.IsEmpty);
    }
}
