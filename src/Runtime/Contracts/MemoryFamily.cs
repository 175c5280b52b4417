using System;

namespace Kmem;

/// <summary>
/// The allocator families of the kernel. Memory must be released by a function of the family
/// that allocated it; a release function may accept several families (<c>kvfree</c>).
/// </summary>
[Flags]
public enum MemoryFamily
{
    /// <summary>No family.</summary>
    None = 0,
    /// <summary><c>kmalloc</c> and its relatives, released by <c>kfree</c>.</summary>
    Kmalloc = 1 << 0,
    /// <summary><c>vmalloc</c>/<c>vzalloc</c>, released by <c>vfree</c>.</summary>
    Vmalloc = 1 << 1,
    /// <summary><c>kvmalloc</c> and its relatives, released by <c>kvfree</c>.</summary>
    Kvmalloc = 1 << 2,
    /// <summary>Page addresses from <c>__get_free_pages</c>, released by <c>free_pages</c>.</summary>
    PageAddress = 1 << 3,
    /// <summary><c>struct page</c> from <c>alloc_pages</c>, released by <c>__free_pages</c>.</summary>
    Page = 1 << 4,
    /// <summary>Objects of a slab cache, released by <c>kmem_cache_free</c> to the same cache.</summary>
    SlabObject = 1 << 5,
    /// <summary>A slab cache itself, released by <c>kmem_cache_destroy</c>.</summary>
    SlabCache = 1 << 6,
}
