using System;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The holders of a pointer state, each with the mask of sites it may hold: an immutable map in buckets by hash code,
/// each bucket an array in the order its entries were added. A change copies the root (the array of buckets) and the
/// buckets it touches (<see cref="HolderBuffer"/> copies each once per transfer), so a method with hundreds of live
/// pointers still changes a state in time independent of their number. Most states hold a few pointers: up to
/// <see cref="SmallCount"/> holders the root has a single bucket, and the copies are that small. The framework's immutable
/// dictionary over this struct was used first: in the compiler's process no precompiled image holds its code for our
/// key type, and a csc run's JIT events showed its ~100 methods compiled unoptimized and never recompiled, on the path
/// of every operation of every analysed body.
/// </summary>
internal sealed class HolderMap
{
    /// <summary>The most holders a map keeps in one bucket; beyond, <see cref="LargeBuckets"/>.</summary>
    internal const int SmallCount = 8;

    internal const int LargeBuckets = 16;

    public static readonly HolderMap Empty = new(new HeldEntry[]?[1], 0);

    private readonly HeldEntry[]?[] buckets;

    internal HolderMap(HeldEntry[]?[] buckets, int count)
    {
        this.buckets = buckets;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The sites <paramref name="holder"/> may hold, when the map has it.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool TryGetValue(Holder holder, out ulong mask) => TryGet(holder, holder.GetHashCode(), out mask);

    [MethodImpl(Jit.Optimized)]
    internal bool TryGet(Holder holder, int hash, out ulong mask)
    {
        var bucket = buckets[BucketOf(buckets, hash)];
        var index = IndexOf(bucket, holder, hash);
        mask = index >= 0 ? bucket![index].Mask : 0;
        return index >= 0;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Each holder of either map with the union of its masks; <paramref name="left"/> itself when <paramref name="right"/> adds nothing.</summary>
    [MethodImpl(Jit.Optimized)]
    public static HolderMap Union(HolderMap left, HolderMap right)
    {
        HolderBuffer? union = null;
        foreach (var bucket in right.buckets)
        {
            if (bucket is null)
                continue;
            foreach (var entry in bucket)
            {
                if (left.TryGet(entry.Holder, entry.Hash, out var mask) && (mask | entry.Mask) == mask)
                    continue;
                if (union is null)
                {
                    union = new HolderBuffer();
                    union.Load(left);
                }
                union.Include(entry.Holder, entry.Hash, entry.Mask);
            }
        }
        return union?.ToImmutable() ?? left;
    }

    /// <summary>Whether both maps have the same holders with the same masks.</summary>
    [MethodImpl(Jit.Optimized)]
    public static bool Same(HolderMap left, HolderMap right)
    {
        if (ReferenceEquals(left, right))
            return true;
        if (left.Count != right.Count)
            return false;
        foreach (var bucket in left.buckets)
        {
            if (bucket is null)
                continue;
            foreach (var entry in bucket)
            {
                if (!right.TryGet(entry.Holder, entry.Hash, out var mask) || mask != entry.Mask)
                    return false;
            }
        }
        return true;
    }

    internal static int BucketOf(HeldEntry[]?[] buckets, int hash) => hash & (buckets.Length - 1);

    [MethodImpl(Jit.Optimized)]
    internal static int IndexOf(HeldEntry[]? bucket, Holder holder, int hash)
    {
        if (bucket is null)
            return -1;
        for (var i = 0; i < bucket.Length; i++)
        {
            if (bucket[i].Hash == hash && bucket[i].Holder.Equals(holder))
                return i;
        }
        return -1;
    }

    /// <summary>A copy of the root, for <see cref="HolderBuffer"/> to change.</summary>
    internal HeldEntry[]?[] CopyBuckets() => (HeldEntry[]?[])buckets.Clone();

    /// <summary>The entries, bucket by bucket, each bucket in the order its entries were added.</summary>
    public struct Enumerator
    {
        private readonly HeldEntry[]?[] buckets;
        private int bucket;
        private int index;

        public Enumerator(HolderMap map)
        {
            buckets = map.buckets;
            bucket = 0;
            index = -1;
        }

        public HeldSites Current
        {
            get
            {
                var entry = buckets[bucket]![index];
                return new HeldSites(entry.Holder, entry.Mask);
            }
        }

        [MethodImpl(Jit.Optimized)]
        public bool MoveNext()
        {
            index++;
            while (bucket < buckets.Length)
            {
                if (buckets[bucket] is { } entries && index < entries.Length)
                    return true;
                bucket++;
                index = 0;
            }
            return false;
        }
    }
}

/// <summary>One entry of a <see cref="HolderMap"/>: a holder, its hash code, and the mask of sites it may hold.</summary>
internal struct HeldEntry
{
    public HeldEntry(Holder holder, int hash, ulong mask)
    {
        Holder = holder;
        Hash = hash;
        Mask = mask;
    }

    public Holder Holder;
    public int Hash;
    public ulong Mask;
}

/// <summary>A holder and the mask of sites it may hold.</summary>
internal readonly struct HeldSites
{
    public HeldSites(Holder holder, ulong sites)
    {
        Holder = holder;
        Sites = sites;
    }

    public Holder Holder { get; }
    public ulong Sites { get; }
}
