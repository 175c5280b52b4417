using System.Collections.Generic;

namespace Kmem;

/// <summary>A freed slab object KASAN holds back from reuse.</summary>
internal readonly record struct QuarantinedObject(Slab Slab, int Slot);

/// <summary>
/// KASAN's quarantine: freed slab objects wait here, oldest first, before their slots can be handed
/// out again, so that a late access is still a use-after-free and a second free a double-free. Bounded
/// in bytes; what falls out is returned to the caller to release (outside any cache lock).
/// </summary>
internal sealed class Quarantine
{
    private readonly Queue<QuarantinedObject> queue = new();
    private readonly long capacityBytes;
    private long bytes;

    public Quarantine(long capacityBytes) => this.capacityBytes = capacityBytes;

    public long Bytes
    {
        get { lock (queue) return bytes; }
    }

    /// <summary>Puts <paramref name="item"/> in; returns the oldest objects that no longer fit.</summary>
    public List<QuarantinedObject> Put(QuarantinedObject item)
    {
        var evicted = new List<QuarantinedObject>();
        lock (queue)
        {
            queue.Enqueue(item);
            bytes += item.Slab.Cache.SlotSize;
            while (bytes > capacityBytes && queue.TryDequeue(out var oldest))
            {
                bytes -= oldest.Slab.Cache.SlotSize;
                evicted.Add(oldest);
            }
        }
        return evicted;
    }

    /// <summary>Takes every object of <paramref name="cache"/> out (before the cache is destroyed).</summary>
    public List<QuarantinedObject> RemoveAll(SlabCache cache)
    {
        var removed = new List<QuarantinedObject>();
        lock (queue)
        {
            var kept = new List<QuarantinedObject>(queue.Count);
            foreach (var item in queue)
                (item.Slab.Cache == cache ? removed : kept).Add(item);
            queue.Clear();
            foreach (var item in kept)
                queue.Enqueue(item);
            foreach (var item in removed)
                bytes -= cache.SlotSize;
        }
        return removed;
    }
}
