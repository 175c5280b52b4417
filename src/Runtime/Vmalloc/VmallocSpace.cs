using System.Collections.Generic;
using System.Threading;

namespace Kmem;

/// <summary>
/// The virtual pages of the vmalloc area: which ranges are free (first fit, lowest address first)
/// and which area maps each page, so finding the area behind an address is O(1).
/// </summary>
internal sealed class VmallocSpace
{
    public const long PageCount = (long)((Kernel.VMALLOC_END - Kernel.VMALLOC_START) >> AddressLayout.PageShift);

    private readonly VmallocArea?[] slots = new VmallocArea?[PageCount];
    /// <summary>Free ranges of slots, sorted by start, never adjacent.</summary>
    private readonly List<(long Start, long Count)> free = new() { (0, PageCount) };

    public static ulong SlotAddress(long slot) => Kernel.VMALLOC_START + ((ulong)slot << AddressLayout.PageShift);

    /// <summary>Reserves <paramref name="count"/> consecutive slots; the first, or -1 if no range is large enough.</summary>
    public long Reserve(long count)
    {
        lock (free)
        {
            for (int i = 0; i < free.Count; i++)
            {
                var (start, length) = free[i];
                if (length < count)
                    continue;
                if (length == count)
                    free.RemoveAt(i);
                else
                    free[i] = (start + count, length - count);
                return start;
            }
            return -1;
        }
    }

    public void Release(long start, long count)
    {
        lock (free)
        {
            int i = 0;
            while (i < free.Count && free[i].Start < start)
                i++;
            free.Insert(i, (start, count));
            if (i + 1 < free.Count && free[i].Start + free[i].Count == free[i + 1].Start)
            {
                free[i] = (free[i].Start, free[i].Count + free[i + 1].Count);
                free.RemoveAt(i + 1);
            }
            if (i > 0 && free[i - 1].Start + free[i - 1].Count == free[i].Start)
            {
                free[i - 1] = (free[i - 1].Start, free[i - 1].Count + free[i].Count);
                free.RemoveAt(i);
            }
        }
    }

    public void Map(VmallocArea area)
    {
        for (long i = 0; i < area.Pfns.LongLength; i++)
            Volatile.Write(ref slots[area.FirstSlot + i], area);
    }

    public void Unmap(VmallocArea area)
    {
        for (long i = 0; i < area.Pfns.LongLength; i++)
            Volatile.Write(ref slots[area.FirstSlot + i], null);
    }

    /// <summary>The area mapping an address of the vmalloc area, or null (unmapped or a guard page).</summary>
    public VmallocArea? AreaAt(ulong address) => Volatile.Read(ref slots[SlotOf(address)]);

    public AccessRegion RegionAt(ulong address) => AreaAt(address)?.VmallocRegion() ?? AccessRegion.Unmapped;

    /// <summary>The frame behind a mapped address, or -1.</summary>
    public long PfnAt(ulong address)
    {
        long slot = SlotOf(address);
        var area = Volatile.Read(ref slots[slot]);
        return area == null ? -1 : area.Pfns[slot - area.FirstSlot];
    }

    /// <summary>Every mapped area, once each.</summary>
    public IEnumerable<VmallocArea> Areas()
    {
        for (long slot = 0; slot < PageCount; slot++)
        {
            var area = Volatile.Read(ref slots[slot]);
            if (area != null && area.FirstSlot == slot)
                yield return area;
        }
    }

    private static long SlotOf(ulong address) => (long)((address - Kernel.VMALLOC_START) >> AddressLayout.PageShift);
}
