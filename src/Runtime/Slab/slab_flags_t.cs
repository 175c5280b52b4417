using System;

namespace Kmem;

/// <summary>Flags of a slab cache.</summary>
[Flags]
public enum slab_flags_t : uint
{
    /// <summary>Red-zone objects to catch overruns.</summary>
    SLAB_RED_ZONE = 0x00000400,
    /// <summary>Poison objects with a pattern when free.</summary>
    SLAB_POISON = 0x00000800,
    /// <summary>Align objects on a hardware cache line.</summary>
    SLAB_HWCACHE_ALIGN = 0x00002000,
    /// <summary>Use GFP_DMA memory.</summary>
    SLAB_CACHE_DMA = 0x00004000,
    /// <summary>Keep a trace of allocations and frees.</summary>
    SLAB_STORE_USER = 0x00010000,
    /// <summary>Panic if creation fails.</summary>
    SLAB_PANIC = 0x00040000,
    /// <summary>Objects are freed after an RCU grace period.</summary>
    SLAB_TYPESAFE_BY_RCU = 0x00080000,
    /// <summary>Objects are reclaimable.</summary>
    SLAB_RECLAIM_ACCOUNT = 0x00020000,
    /// <summary>Account objects to the memory cgroup.</summary>
    SLAB_ACCOUNT = 0x04000000,
}
