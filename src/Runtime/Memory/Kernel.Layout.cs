namespace Kmem;

public static partial class Kernel
{
    /// <summary>The start of the vmalloc area: 8 MiB above the end of a full (896 MiB) direct map.</summary>
    public const ulong VMALLOC_START = PAGE_OFFSET + (896UL << 20) + (8UL << 20);
    /// <summary>The end of the vmalloc area (exclusive), two pages below the kmap window.</summary>
    public const ulong VMALLOC_END = PKMAP_BASE - 2 * (ulong)PAGE_SIZE;
    /// <summary>The start of the kmap window where highmem pages are mapped.</summary>
    public const ulong PKMAP_BASE = 0xFF400000;
    /// <summary>The number of page slots in the kmap window.</summary>
    public const int LAST_PKMAP = 1024;
    /// <summary>What <c>kmalloc(0)</c> returns: not NULL, but faults when dereferenced; <c>kfree</c> accepts it.</summary>
    public static readonly KPtr ZERO_SIZE_PTR = new(16);

    /// <summary>Whether <paramref name="p"/> is NULL or <see cref="ZERO_SIZE_PTR"/>.</summary>
    public static bool ZERO_OR_NULL_PTR(KPtr p) => p.Value <= ZERO_SIZE_PTR.Value;
}
