using System;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The holders of the state being transferred: nothing is copied until the first change, which copies the loaded
/// map's root; each bucket is copied on its own first change. <see cref="ToImmutable"/> hands the arrays to a new map,
/// and the next change copies again. The many operations and edges that change no holder allocate nothing.
/// </summary>
internal sealed class HolderBuffer
{
    private HolderMap loaded = HolderMap.Empty;
    private HeldEntry[]?[]? buckets;
    private int owned;
    private int count;

    [MethodImpl(Jit.Optimized)]
    public void Load(HolderMap map)
    {
        loaded = map;
        buckets = null;
        count = map.Count;
    }

    /// <summary>The sites a holder may hold.</summary>
    public ulong this[Holder holder]
    {
        [MethodImpl(Jit.Optimized)]
        get
        {
            var hash = holder.GetHashCode();
            if (buckets is null)
                return loaded.TryGet(holder, hash, out var mask) ? mask : 0;
            var bucket = buckets[HolderMap.BucketOf(buckets, hash)];
            var index = HolderMap.IndexOf(bucket, holder, hash);
            return index >= 0 ? bucket![index].Mask : 0;
        }
        [MethodImpl(Jit.Optimized)]
        set
        {
            var hash = holder.GetHashCode();
            if (buckets is null && loaded.TryGet(holder, hash, out var old) && old == value)
                return;
            Write(holder, hash, value, include: false);
        }
    }

    /// <summary>Adds <paramref name="mask"/> to what the holder may hold.</summary>
    [MethodImpl(Jit.Optimized)]
    internal void Include(Holder holder, int hash, ulong mask) => Write(holder, hash, mask, include: true);

    [MethodImpl(Jit.Optimized)]
    public void Remove(Holder holder)
    {
        var hash = holder.GetHashCode();
        if (buckets is null && !loaded.TryGet(holder, hash, out _))
            return;
        var slot = Slot(hash);
        var bucket = buckets![slot];
        var index = HolderMap.IndexOf(bucket, holder, hash);
        if (index < 0)
            return;
        var shorter = bucket!.Length == 1 ? null : new HeldEntry[bucket.Length - 1];
        if (shorter is not null)
        {
            Array.Copy(bucket, 0, shorter, 0, index);
            Array.Copy(bucket, index + 1, shorter, index, bucket.Length - index - 1);
        }
        buckets![slot] = shorter;
        owned |= 1 << slot;
        count--;
    }

    /// <summary>The current holders; the map loaded (or last made) itself when nothing changed since.</summary>
    [MethodImpl(Jit.Optimized)]
    public HolderMap ToImmutable()
    {
        if (buckets is not null)
        {
            loaded = new HolderMap(buckets, count);
            buckets = null;
        }
        return loaded;
    }

    [MethodImpl(Jit.Optimized)]
    private void Write(Holder holder, int hash, ulong mask, bool include)
    {
        var slot = Slot(hash);
        var bucket = buckets![slot];
        var index = HolderMap.IndexOf(bucket, holder, hash);
        if (index >= 0)
        {
            var changed = include ? bucket![index].Mask | mask : mask;
            if (changed == bucket![index].Mask)
                return;
            if ((owned & (1 << slot)) == 0)
            {
                bucket = (HeldEntry[])bucket!.Clone();
                buckets![slot] = bucket;
                owned |= 1 << slot;
            }
            bucket![index].Mask = changed;
            return;
        }
        if (count == HolderMap.SmallCount && buckets!.Length == 1)
        {
            Spread();
            slot = HolderMap.BucketOf(buckets, hash);
            bucket = buckets[slot];
        }
        buckets![slot] = Appended(bucket, new HeldEntry(holder, hash, mask));
        owned |= 1 << slot;
        count++;
    }

    /// <summary>The slot of a hash code in this buffer's own root (copied from the loaded map on the first change).</summary>
    [MethodImpl(Jit.Optimized)]
    private int Slot(int hash)
    {
        if (buckets is null)
        {
            buckets = loaded.CopyBuckets();
            owned = 0;
        }
        return HolderMap.BucketOf(buckets, hash);
    }

    /// <summary>Moves the entries of a single-bucket root into <see cref="HolderMap.LargeBuckets"/> buckets of this buffer's own.</summary>
    private void Spread()
    {
        var single = buckets![0]!;
        var spread = new HeldEntry[]?[HolderMap.LargeBuckets];
        foreach (var entry in single)
        {
            var slot = HolderMap.BucketOf(spread, entry.Hash);
            spread[slot] = Appended(spread[slot], entry);
        }
        buckets = spread;
        owned = -1;
    }

    /// <summary>A new bucket array: <paramref name="bucket"/>'s entries and <paramref name="entry"/> after them.</summary>
    private static HeldEntry[] Appended(HeldEntry[]? bucket, HeldEntry entry)
    {
        var longer = new HeldEntry[(bucket?.Length ?? 0) + 1];
        if (bucket is not null)
            Array.Copy(bucket, longer, bucket.Length);
        longer[longer.Length - 1] = entry;
        return longer;
    }
}
