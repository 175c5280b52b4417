namespace Kmem;

/// <summary>
/// The kernel API, named as in C. Code ported from the kernel opens it with
/// <c>using static Kmem.Kernel;</c>. Every call acts on the current <see cref="Machine.Current"/>.
/// </summary>
public static partial class Kernel
{
    /// <summary>The NULL pointer.</summary>
    [NullPointer]
    public static readonly KPtr NULL = default;

    /// <summary>The page size in bytes.</summary>
    public const long PAGE_SIZE = 4096;
    /// <summary>log2 of <see cref="PAGE_SIZE"/>.</summary>
    public const int PAGE_SHIFT = 12;
    /// <summary>The largest page order the buddy allocator serves.</summary>
    public const int MAX_PAGE_ORDER = 10;
    /// <summary>The largest size served by the kmalloc slab caches; larger requests go to the page allocator.</summary>
    public const long KMALLOC_MAX_CACHE_SIZE = 8192;
    /// <summary>The largest size kmalloc can serve.</summary>
    public const long KMALLOC_MAX_SIZE = 4L * 1024 * 1024;
    /// <summary>The start of the direct map in the default 32-bit layout.</summary>
    public const ulong PAGE_OFFSET = 0xC0000000;
    /// <summary>The largest errno an error pointer carries.</summary>
    public const int MAX_ERRNO = 4095;

    /// <summary>Operation not permitted.</summary>
    public const int EPERM = 1;
    /// <summary>I/O error.</summary>
    public const int EIO = 5;
    /// <summary>No such device or address.</summary>
    public const int ENXIO = 6;
    /// <summary>Try again.</summary>
    public const int EAGAIN = 11;
    /// <summary>Out of memory.</summary>
    public const int ENOMEM = 12;
    /// <summary>Bad address.</summary>
    public const int EFAULT = 14;
    /// <summary>Device or resource busy.</summary>
    public const int EBUSY = 16;
    /// <summary>No such device.</summary>
    public const int ENODEV = 19;
    /// <summary>Invalid argument.</summary>
    public const int EINVAL = 22;
    /// <summary>No space left on device.</summary>
    public const int ENOSPC = 28;
}
