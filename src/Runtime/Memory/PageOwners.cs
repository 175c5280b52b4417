using System.Threading;

namespace Kmem;

/// <summary>For every page frame, the <see cref="PageOwner"/> holding it, or null for a free frame.</summary>
internal sealed class PageOwners
{
    private readonly PageOwner?[] owners;

    public PageOwners(long pageCount) => owners = new PageOwner?[pageCount];

    public PageOwner? this[long pfn] => Volatile.Read(ref owners[pfn]);

    public void Set(long pfn, long count, PageOwner owner)
    {
        for (long i = 0; i < count; i++)
            Volatile.Write(ref owners[pfn + i], owner);
    }

    public void Clear(long pfn, long count)
    {
        for (long i = 0; i < count; i++)
            Volatile.Write(ref owners[pfn + i], null);
    }

    /// <summary>Every live page block, once each (for listing live allocations).</summary>
    public System.Collections.Generic.IEnumerable<PageBlock> PageBlocks()
    {
        for (long pfn = 0; pfn < owners.LongLength; pfn++)
        {
            if (Volatile.Read(ref owners[pfn]) is PageBlock block && block.HeadPfn == pfn)
                yield return block;
        }
    }
}
