using System;

namespace Kmem;

/// <summary>GFP allocation flags, with the kernel's bit layout.</summary>
[Flags]
public enum gfp_t : uint
{
    /// <summary>Allocate from ZONE_DMA.</summary>
    __GFP_DMA = 0x01,
    /// <summary>May allocate from ZONE_HIGHMEM.</summary>
    __GFP_HIGHMEM = 0x02,
    /// <summary>Allocate from ZONE_DMA32.</summary>
    __GFP_DMA32 = 0x04,
    /// <summary>The pages may be moved by compaction.</summary>
    __GFP_MOVABLE = 0x08,
    /// <summary>The pages may be reclaimed by a shrinker.</summary>
    __GFP_RECLAIMABLE = 0x10,
    /// <summary>High priority: may use the atomic reserves.</summary>
    __GFP_HIGH = 0x20,
    /// <summary>May start physical I/O.</summary>
    __GFP_IO = 0x40,
    /// <summary>May call into the filesystem.</summary>
    __GFP_FS = 0x80,
    /// <summary>Return zeroed memory.</summary>
    __GFP_ZERO = 0x100,
    /// <summary>May enter direct reclaim, and so sleep.</summary>
    __GFP_DIRECT_RECLAIM = 0x400,
    /// <summary>May wake kswapd.</summary>
    __GFP_KSWAPD_RECLAIM = 0x800,
    /// <summary>The caller intends to write the pages.</summary>
    __GFP_WRITE = 0x1000,
    /// <summary>Suppress the allocation failure report.</summary>
    __GFP_NOWARN = 0x2000,
    /// <summary>Retry hard, but may fail.</summary>
    __GFP_RETRY_MAYFAIL = 0x4000,
    /// <summary>Never fail: retry forever.</summary>
    __GFP_NOFAIL = 0x8000,
    /// <summary>Do not retry after a failed reclaim.</summary>
    __GFP_NORETRY = 0x10000,
    /// <summary>Allow access to all emergency reserves.</summary>
    __GFP_MEMALLOC = 0x20000,
    /// <summary>Compound page metadata.</summary>
    __GFP_COMP = 0x40000,
    /// <summary>Forbid access to emergency reserves.</summary>
    __GFP_NOMEMALLOC = 0x80000,
    /// <summary>Enforce the cpuset memory policy.</summary>
    __GFP_HARDWALL = 0x100000,
    /// <summary>No fallback to other nodes.</summary>
    __GFP_THISNODE = 0x200000,
    /// <summary>Account to the memory cgroup.</summary>
    __GFP_ACCOUNT = 0x400000,
    /// <summary>Both kinds of reclaim.</summary>
    __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM,

    /// <summary>Cannot sleep; may use reserves.</summary>
    GFP_ATOMIC = __GFP_HIGH | __GFP_KSWAPD_RECLAIM,
    /// <summary>The usual kernel allocation: may sleep, do I/O and call the filesystem.</summary>
    GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS,
    /// <summary>GFP_KERNEL charged to the memory cgroup.</summary>
    GFP_KERNEL_ACCOUNT = GFP_KERNEL | __GFP_ACCOUNT,
    /// <summary>Cannot sleep and uses no reserves.</summary>
    GFP_NOWAIT = __GFP_KSWAPD_RECLAIM,
    /// <summary>May sleep but starts no I/O.</summary>
    GFP_NOIO = __GFP_RECLAIM,
    /// <summary>May sleep but does not call the filesystem.</summary>
    GFP_NOFS = __GFP_RECLAIM | __GFP_IO,
    /// <summary>For memory that user space reaches.</summary>
    GFP_USER = __GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL,
    /// <summary>From ZONE_DMA.</summary>
    GFP_DMA = __GFP_DMA,
    /// <summary>From ZONE_DMA32.</summary>
    GFP_DMA32 = __GFP_DMA32,
    /// <summary>User pages that may live in high memory.</summary>
    GFP_HIGHUSER = GFP_USER | __GFP_HIGHMEM,
    /// <summary>Movable user pages that may live in high memory.</summary>
    GFP_HIGHUSER_MOVABLE = GFP_HIGHUSER | __GFP_MOVABLE,
}
