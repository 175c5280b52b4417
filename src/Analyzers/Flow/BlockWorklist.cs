using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The blocks waiting to be transferred, taken lowest ordinal first. A flag per block and a cursor at the lowest
/// flagged one: adding and taking are constant time, and the scan past unflagged blocks is linear per round.
/// (Our own type rather than <c>SortedSet&lt;int&gt;</c>: the precompiled image holds its code, where the runtime
/// compiled the framework's instantiation unoptimized for the whole of a compiler run.)
/// </summary>
internal sealed class BlockWorklist
{
    private readonly bool[] queued;
    private int lowest;
    private int count;

    public BlockWorklist(int blocks) => queued = new bool[blocks];

    public bool IsEmpty => count == 0;

    [MethodImpl(Jit.Optimized)]
    public void Add(int ordinal)
    {
        if (queued[ordinal])
            return;
        queued[ordinal] = true;
        count++;
        if (ordinal < lowest)
            lowest = ordinal;
    }

    /// <summary>Removes and returns the lowest queued ordinal; the list must not be empty.</summary>
    [MethodImpl(Jit.Optimized)]
    public int TakeLowest()
    {
        while (!queued[lowest])
            lowest++;
        queued[lowest] = false;
        count--;
        return lowest;
    }
}
