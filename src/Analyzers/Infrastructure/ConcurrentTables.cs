using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// The tables of per-compilation caches that the driver's threads fill at once. The default table has one lock per
/// processor, so on a two-core machine two threads adding entries contend, and a lock holder that the scheduler
/// preempts (the compiler runs more threads than cores) leaves the others spinning; a table that grows takes every
/// lock. These have many locks and room for a compilation's worth of entries: with 64 locks, the threads adding
/// per-method results still spun on them (about 0.3 s of CPU on a 100k-line corpus in csc traces); with 1,024, none
/// did.
/// </summary>
internal static class ConcurrentTables
{
    private const int Locks = 1024;
    private const int Capacity = 1024;

    public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) =>
        new(Locks, Capacity, comparer ?? EqualityComparer<TKey>.Default);
}
