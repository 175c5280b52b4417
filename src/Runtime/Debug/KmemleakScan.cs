using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Kmem;

/// <summary>
/// One kmemleak scan, mark and sweep: every live allocation a root points into (anywhere inside it) is
/// referenced, and so is every allocation a referenced one points into, found by reading its bytes
/// as 4-byte aligned words as kmemleak reads memory. What is left is unreferenced.
/// </summary>
internal sealed class KmemleakScan
{
    private readonly MemorySystem memory;
    private readonly Allocation[] live;
    private readonly ulong[] starts;
    private readonly bool[] referenced;
    private readonly Stack<int> toScan = new();

    public KmemleakScan(MemorySystem memory)
    {
        this.memory = memory;
        var all = new List<Allocation>();
        memory.CollectLive(all);
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        live = all.ToArray();
        starts = Array.ConvertAll(live, a => a.Start);
        referenced = new bool[live.Length];
        Roots = new ManagedRoots(Mark);
    }

    /// <summary>Where the roots are given: module statics, handlers' state, objects the host names.</summary>
    public ManagedRoots Roots { get; }

    /// <summary>Follows the roots and the memory they reach; returns the live allocations nothing references.</summary>
    public List<Allocation> Unreferenced()
    {
        Roots.Drain();
        while (toScan.TryPop(out int index))
            ScanContents(live[index]);
        var leaks = new List<Allocation>();
        for (int i = 0; i < live.Length; i++)
        {
            if (!referenced[i] && live[i].IsLive)
                leaks.Add(live[i]);
        }
        return leaks;
    }

    private void Mark(ulong value)
    {
        int index = IndexContaining(value);
        if (index < 0 || referenced[index])
            return;
        referenced[index] = true;
        toScan.Push(index);
    }

    private int IndexContaining(ulong address)
    {
        int i = Array.BinarySearch(starts, address);
        if (i < 0)
            i = ~i - 1;
        if (i < 0)
            return -1;
        var a = live[i];
        return address == a.Start || address < a.End ? i : -1;
    }

    /// <summary>Reads the allocation's bytes (lowmem and vmalloc; highmem pages are not scanned, as in the kernel) and marks what its words point to.</summary>
    private void ScanContents(Allocation allocation)
    {
        bool vmalloc = AddressLayout.IsVmalloc(allocation.Start);
        if (!vmalloc && !memory.Layout.IsDirectMap(allocation.Start))
            return;
        for (ulong at = allocation.Start & ~3UL; at + 4 <= allocation.End;)
        {
            long pfn = vmalloc ? memory.Vmalloc.PfnAt(at) : AddressLayout.DirectMapPfn(at);
            int offset = (int)(at & (AddressLayout.PageSize - 1));
            int length = (int)Math.Min(AddressLayout.PageSize - offset, (long)(allocation.End - at));
            var bytes = pfn < 0 ? ReadOnlySpan<byte>.Empty : memory.Physical.Bytes(pfn);
            for (int i = offset; bytes.Length > 0 && i + 4 <= offset + length; i += 4)
            {
                uint word = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i, 4));
                if (word != 0)
                    Mark(word);
            }
            at += (ulong)length;
        }
    }
}
