namespace Kmem;

/// <summary>The C library's <c>strerror</c> text of an errno, as insmod prints it.</summary>
internal static class ErrnoText
{
    public const int EEXIST = 17;

    public static string Describe(int errno) => errno switch
    {
        Kernel.EPERM => "Operation not permitted",
        2 => "No such file or directory",
        Kernel.EIO => "Input/output error",
        Kernel.ENXIO => "No such device or address",
        Kernel.EAGAIN => "Resource temporarily unavailable",
        Kernel.ENOMEM => "Cannot allocate memory",
        Kernel.EFAULT => "Bad address",
        Kernel.EBUSY => "Device or resource busy",
        EEXIST => "File exists",
        Kernel.ENODEV => "No such device",
        Kernel.EINVAL => "Invalid argument",
        Kernel.ENOSPC => "No space left on device",
        _ => $"Unknown error {errno}",
    };
}
