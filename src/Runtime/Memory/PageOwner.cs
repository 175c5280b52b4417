namespace Kmem;

/// <summary>
/// Whatever holds an allocated page frame: a page allocation, a slab, a vmalloc area. Every frame of
/// an allocation points at its owner, so finding the allocation behind an address is O(1).
/// </summary>
internal abstract class PageOwner
{
    /// <summary>Whether the owner still holds its frames.</summary>
    public abstract bool IsLive { get; }

    /// <summary>The region an access through the direct map at <paramref name="address"/> (in frame <paramref name="pfn"/>) falls in.</summary>
    public abstract AccessRegion RegionAt(ulong address, long pfn);
}
