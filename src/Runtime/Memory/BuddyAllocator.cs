using System.Collections.Generic;

namespace Kmem;

/// <summary>
/// The binary buddy allocator of one zone: free blocks of 2^order pages, aligned on their size in
/// absolute page frame numbers. Allocation splits larger blocks; freeing merges a block with its
/// free buddy as long as it can. Not thread-safe: the zone's lock guards it.
/// </summary>
internal sealed class BuddyAllocator
{
    private const int MaxOrder = Kernel.MAX_PAGE_ORDER;
    private const sbyte NotFree = -1;

    private readonly long startPfn;
    private readonly long endPfn;
    private readonly SortedSet<long>[] freeLists = new SortedSet<long>[MaxOrder + 1];
    /// <summary>For each frame, the order of the free block it heads, or <see cref="NotFree"/>.</summary>
    private readonly sbyte[] freeHeadOrder;

    public BuddyAllocator(long startPfn, long pageCount)
    {
        this.startPfn = startPfn;
        endPfn = startPfn + pageCount;
        freeHeadOrder = new sbyte[pageCount];
        System.Array.Fill(freeHeadOrder, NotFree);
        for (int order = 0; order <= MaxOrder; order++)
            freeLists[order] = new SortedSet<long>();
        for (long pfn = startPfn; pfn < endPfn;)
        {
            int order = MaxOrder;
            while (order > 0 && (pfn % (1L << order) != 0 || pfn + (1L << order) > endPfn))
                order--;
            AddFree(pfn, order);
            pfn += 1L << order;
        }
    }

    /// <summary>The number of free pages.</summary>
    public long FreePages { get; private set; }

    /// <summary>Takes a block of 2^<paramref name="order"/> pages, lowest address first; -1 if none is free.</summary>
    public long Allocate(int order)
    {
        int current = order;
        while (current <= MaxOrder && freeLists[current].Count == 0)
            current++;
        if (current > MaxOrder)
            return -1;
        long pfn = freeLists[current].Min;
        RemoveFree(pfn, current);
        while (current > order)
        {
            current--;
            AddFree(pfn + (1L << current), current);
        }
        return pfn;
    }

    /// <summary>Returns a block taken by <see cref="Allocate"/>, merging it with its free buddies.</summary>
    public void Free(long pfn, int order)
    {
        while (order < MaxOrder)
        {
            long buddy = pfn ^ (1L << order);
            if (buddy < startPfn || buddy + (1L << order) > endPfn || freeHeadOrder[buddy - startPfn] != order)
                break;
            RemoveFree(buddy, order);
            pfn = System.Math.Min(pfn, buddy);
            order++;
        }
        AddFree(pfn, order);
    }

    /// <summary>Whether <paramref name="pfn"/> lies in a free block.</summary>
    public bool IsFree(long pfn)
    {
        for (int order = 0; order <= MaxOrder; order++)
        {
            long head = pfn & ~((1L << order) - 1);
            if (head >= startPfn && freeHeadOrder[head - startPfn] == order)
                return true;
        }
        return false;
    }

    /// <summary>The number of free blocks of each order, as /proc/buddyinfo counts them.</summary>
    public long[] FreeBlocksPerOrder()
    {
        var counts = new long[MaxOrder + 1];
        for (int order = 0; order <= MaxOrder; order++)
            counts[order] = freeLists[order].Count;
        return counts;
    }

    private void AddFree(long pfn, int order)
    {
        freeLists[order].Add(pfn);
        freeHeadOrder[pfn - startPfn] = (sbyte)order;
        FreePages += 1L << order;
    }

    private void RemoveFree(long pfn, int order)
    {
        freeLists[order].Remove(pfn);
        freeHeadOrder[pfn - startPfn] = NotFree;
        FreePages -= 1L << order;
    }
}
