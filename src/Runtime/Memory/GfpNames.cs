using System.Collections.Generic;

namespace Kmem;

/// <summary>Prints a GFP mask as the kernel's <c>%pGg</c> does: composite names first, then single flags.</summary>
internal static class GfpNames
{
    private static readonly (gfp_t Mask, string Name)[] Names =
    {
        (gfp_t.GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"),
        (gfp_t.GFP_HIGHUSER, "GFP_HIGHUSER"),
        (gfp_t.GFP_USER, "GFP_USER"),
        (gfp_t.GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT"),
        (gfp_t.GFP_KERNEL, "GFP_KERNEL"),
        (gfp_t.GFP_NOFS, "GFP_NOFS"),
        (gfp_t.GFP_ATOMIC, "GFP_ATOMIC"),
        (gfp_t.GFP_NOIO, "GFP_NOIO"),
        (gfp_t.GFP_NOWAIT, "GFP_NOWAIT"),
        (gfp_t.GFP_DMA, "GFP_DMA"),
        (gfp_t.__GFP_HIGHMEM, "__GFP_HIGHMEM"),
        (gfp_t.GFP_DMA32, "GFP_DMA32"),
        (gfp_t.__GFP_HIGH, "__GFP_HIGH"),
        (gfp_t.__GFP_IO, "__GFP_IO"),
        (gfp_t.__GFP_FS, "__GFP_FS"),
        (gfp_t.__GFP_ZERO, "__GFP_ZERO"),
        (gfp_t.__GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM"),
        (gfp_t.__GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM"),
        (gfp_t.__GFP_WRITE, "__GFP_WRITE"),
        (gfp_t.__GFP_NOWARN, "__GFP_NOWARN"),
        (gfp_t.__GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL"),
        (gfp_t.__GFP_NOFAIL, "__GFP_NOFAIL"),
        (gfp_t.__GFP_NORETRY, "__GFP_NORETRY"),
        (gfp_t.__GFP_MEMALLOC, "__GFP_MEMALLOC"),
        (gfp_t.__GFP_COMP, "__GFP_COMP"),
        (gfp_t.__GFP_NOMEMALLOC, "__GFP_NOMEMALLOC"),
        (gfp_t.__GFP_HARDWALL, "__GFP_HARDWALL"),
        (gfp_t.__GFP_THISNODE, "__GFP_THISNODE"),
        (gfp_t.__GFP_ACCOUNT, "__GFP_ACCOUNT"),
        (gfp_t.__GFP_RECLAIMABLE, "__GFP_RECLAIMABLE"),
        (gfp_t.__GFP_MOVABLE, "__GFP_MOVABLE"),
    };

    /// <summary>The mask as <c>0xcc0(GFP_KERNEL)</c>, the way allocation failure reports print it.</summary>
    public static string Mode(gfp_t gfp) => "0x" + ((uint)gfp).ToString("x") + "(" + Format(gfp) + ")";

    public static string Format(gfp_t gfp)
    {
        if (gfp == 0)
            return "none";
        var parts = new List<string>();
        var rest = gfp;
        foreach (var (mask, name) in Names)
        {
            if ((rest & mask) == mask)
            {
                parts.Add(name);
                rest &= ~mask;
            }
        }
        if (rest != 0)
            parts.Add("0x" + ((uint)rest).ToString("x"));
        return string.Join("|", parts);
    }
}
