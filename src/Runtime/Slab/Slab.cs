using System.Collections.Generic;
using System.Threading;

namespace Kmem;

/// <summary>
/// One slab: 2^order contiguous lowmem frames cut into equal object slots of its cache. Its state is
/// guarded by the cache's lock; access checks read <see cref="Objects"/> without it.
/// </summary>
internal sealed class Slab : PageOwner
{
    private int released;

    public Slab(SlabCache cache, long headPfn)
    {
        Cache = cache;
        HeadPfn = headPfn;
        Start = AddressLayout.PfnToVirt(headPfn);
        Objects = new Allocation?[cache.ObjectsPerSlab];
        Constructed = new bool[cache.ObjectsPerSlab];
        FreeSlots = new Stack<int>(cache.ObjectsPerSlab);
        for (int slot = cache.ObjectsPerSlab - 1; slot >= 0; slot--)
            FreeSlots.Push(slot);
        PartialNode = new LinkedListNode<Slab>(this);
    }

    public SlabCache Cache { get; }
    public long HeadPfn { get; }
    public ulong Start { get; }

    /// <summary>The live object in each slot, or null for a free slot.</summary>
    public Allocation?[] Objects { get; }

    /// <summary>Whether the cache's constructor has run on each slot since the slab was made.</summary>
    public bool[] Constructed { get; }

    public Stack<int> FreeSlots { get; }

    /// <summary>Its node in the cache's list of slabs with free slots.</summary>
    public LinkedListNode<Slab> PartialNode { get; }

    public int InUse => Objects.Length - FreeSlots.Count;

    public override bool IsLive => Volatile.Read(ref released) == 0;

    public void MarkReleased() => Volatile.Write(ref released, 1);

    public ulong SlotAddress(int slot) => Start + (ulong)(slot * Cache.SlotSize);

    /// <summary>The slot an address falls in, or -1 past the last slot.</summary>
    public int SlotOf(ulong address)
    {
        long slot = (long)(address - Start) / Cache.SlotSize;
        return slot < Objects.Length ? (int)slot : -1;
    }

    public override AccessRegion RegionAt(ulong address, long pfn)
    {
        int slot = SlotOf(address);
        if (slot < 0)
            return AccessRegion.Live(address, address, "slab");
        var allocation = Volatile.Read(ref Objects[slot]);
        if (allocation == null || !allocation.IsLive)
            return AccessRegion.FreedMemory("slab");
        return AccessRegion.Live(allocation.Start, allocation.Start + (ulong)allocation.Size, "slab");
    }
}
