namespace Kmem;

/// <summary>KASAN's shadow values, as the kernel names them: 0 is accessible, anything else says why a byte is not.</summary>
internal static class ShadowCode
{
    public const byte Accessible = 0x00;
    /// <summary>A frame the page allocator holds free.</summary>
    public const byte PageFree = 0xFF;
    /// <summary>The tail of a large kmalloc's pages beyond the requested size.</summary>
    public const byte PageRedzone = 0xFE;
    /// <summary>A freed slab object (in quarantine or reused later).</summary>
    public const byte SlabFree = 0xFB;
    /// <summary>Slab bytes that belong to no object: redzones and the slab's unused tail.</summary>
    public const byte SlabRedzone = 0xFC;
    /// <summary>The tail of a vmalloc area's last page beyond the requested size.</summary>
    public const byte VmallocInvalid = 0xF8;

    public static bool IsFreed(byte code) => code is PageFree or SlabFree;
}
