namespace Kmem;

public static partial class Kernel
{
#pragma warning disable CS1591 // each constant is documented on gfp_t
    public const gfp_t __GFP_DMA = gfp_t.__GFP_DMA;
    public const gfp_t __GFP_HIGHMEM = gfp_t.__GFP_HIGHMEM;
    public const gfp_t __GFP_DMA32 = gfp_t.__GFP_DMA32;
    public const gfp_t __GFP_MOVABLE = gfp_t.__GFP_MOVABLE;
    public const gfp_t __GFP_RECLAIMABLE = gfp_t.__GFP_RECLAIMABLE;
    public const gfp_t __GFP_HIGH = gfp_t.__GFP_HIGH;
    public const gfp_t __GFP_IO = gfp_t.__GFP_IO;
    public const gfp_t __GFP_FS = gfp_t.__GFP_FS;
    public const gfp_t __GFP_ZERO = gfp_t.__GFP_ZERO;
    public const gfp_t __GFP_DIRECT_RECLAIM = gfp_t.__GFP_DIRECT_RECLAIM;
    public const gfp_t __GFP_KSWAPD_RECLAIM = gfp_t.__GFP_KSWAPD_RECLAIM;
    public const gfp_t __GFP_RECLAIM = gfp_t.__GFP_RECLAIM;
    public const gfp_t __GFP_WRITE = gfp_t.__GFP_WRITE;
    public const gfp_t __GFP_NOWARN = gfp_t.__GFP_NOWARN;
    public const gfp_t __GFP_RETRY_MAYFAIL = gfp_t.__GFP_RETRY_MAYFAIL;
    public const gfp_t __GFP_NOFAIL = gfp_t.__GFP_NOFAIL;
    public const gfp_t __GFP_NORETRY = gfp_t.__GFP_NORETRY;
    public const gfp_t __GFP_MEMALLOC = gfp_t.__GFP_MEMALLOC;
    public const gfp_t __GFP_COMP = gfp_t.__GFP_COMP;
    public const gfp_t __GFP_NOMEMALLOC = gfp_t.__GFP_NOMEMALLOC;
    public const gfp_t __GFP_HARDWALL = gfp_t.__GFP_HARDWALL;
    public const gfp_t __GFP_THISNODE = gfp_t.__GFP_THISNODE;
    public const gfp_t __GFP_ACCOUNT = gfp_t.__GFP_ACCOUNT;
    public const gfp_t GFP_ATOMIC = gfp_t.GFP_ATOMIC;
    public const gfp_t GFP_KERNEL = gfp_t.GFP_KERNEL;
    public const gfp_t GFP_KERNEL_ACCOUNT = gfp_t.GFP_KERNEL_ACCOUNT;
    public const gfp_t GFP_NOWAIT = gfp_t.GFP_NOWAIT;
    public const gfp_t GFP_NOIO = gfp_t.GFP_NOIO;
    public const gfp_t GFP_NOFS = gfp_t.GFP_NOFS;
    public const gfp_t GFP_USER = gfp_t.GFP_USER;
    public const gfp_t GFP_DMA = gfp_t.GFP_DMA;
    public const gfp_t GFP_DMA32 = gfp_t.GFP_DMA32;
    public const gfp_t GFP_HIGHUSER = gfp_t.GFP_HIGHUSER;
    public const gfp_t GFP_HIGHUSER_MOVABLE = gfp_t.GFP_HIGHUSER_MOVABLE;
#pragma warning restore CS1591
}
