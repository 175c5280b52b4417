using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Kmem;

/// <summary>
/// The persistent kmap window: LAST_PKMAP page slots at PKMAP_BASE where highmem pages get a
/// temporary kernel address. Mapping a page twice shares the slot; the last kunmap frees it.
/// </summary>
internal sealed class KmapWindow
{
    private readonly long[] slotPfn = new long[Kernel.LAST_PKMAP];
    private readonly Dictionary<long, (int Slot, int Count)> mapped = new();
    private readonly TimeSpan waitForSlot;

    public KmapWindow(TimeSpan waitForSlot)
    {
        this.waitForSlot = waitForSlot;
        Array.Fill(slotPfn, -1);
    }

    /// <summary>Maps a frame and returns its address; 0 if no slot frees up in time.</summary>
    public ulong Map(long pfn)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(waitForSlot.TotalSeconds * Stopwatch.Frequency);
        lock (mapped)
        {
            while (true)
            {
                if (mapped.TryGetValue(pfn, out var existing))
                {
                    mapped[pfn] = (existing.Slot, existing.Count + 1);
                    return SlotAddress(existing.Slot);
                }
                int slot = Array.IndexOf(slotPfn, -1L);
                if (slot >= 0)
                {
                    Volatile.Write(ref slotPfn[slot], pfn);
                    mapped[pfn] = (slot, 1);
                    return SlotAddress(slot);
                }
                var remaining = TimeSpan.FromSeconds((deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                if (remaining <= TimeSpan.Zero)
                    return 0;
                Monitor.Wait(mapped, remaining);
            }
        }
    }

    /// <summary>Drops one mapping of a frame; false if it was not mapped.</summary>
    public bool Unmap(long pfn)
    {
        lock (mapped)
        {
            if (!mapped.TryGetValue(pfn, out var entry))
                return false;
            if (entry.Count > 1)
            {
                mapped[pfn] = (entry.Slot, entry.Count - 1);
                return true;
            }
            mapped.Remove(pfn);
            Volatile.Write(ref slotPfn[entry.Slot], -1);
            Monitor.PulseAll(mapped);
            return true;
        }
    }

    /// <summary>The address a frame is mapped at, or 0.</summary>
    public ulong AddressOf(long pfn)
    {
        lock (mapped)
            return mapped.TryGetValue(pfn, out var entry) ? SlotAddress(entry.Slot) : 0;
    }

    /// <summary>The frame mapped at an address of the window, or -1.</summary>
    public long PfnAt(ulong address) => Volatile.Read(ref slotPfn[(address - Kernel.PKMAP_BASE) >> AddressLayout.PageShift]);

    private static ulong SlotAddress(int slot) => Kernel.PKMAP_BASE + ((ulong)slot << AddressLayout.PageShift);
}
