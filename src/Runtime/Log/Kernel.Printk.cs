namespace Kmem;

public static partial class Kernel
{
#pragma warning disable CS1591 // the kernel's log levels
    public const string KERN_EMERG = "\u00010";
    public const string KERN_ALERT = "\u00011";
    public const string KERN_CRIT = "\u00012";
    public const string KERN_ERR = "\u00013";
    public const string KERN_WARNING = "\u00014";
    public const string KERN_NOTICE = "\u00015";
    public const string KERN_INFO = "\u00016";
    public const string KERN_DEBUG = "\u00017";
#pragma warning restore CS1591

    /// <summary>Formats a message with the kernel's format subset and appends it to the log; returns the number of characters.</summary>
    public static int printk(string fmt, params object?[] args) => Machine.Current.Printk(fmt, args);
    /// <summary>printk at KERN_EMERG.</summary>
    public static int pr_emerg(string fmt, params object?[] args) => printk(KERN_EMERG + fmt, args);
    /// <summary>printk at KERN_ERR.</summary>
    public static int pr_err(string fmt, params object?[] args) => printk(KERN_ERR + fmt, args);
    /// <summary>printk at KERN_WARNING.</summary>
    public static int pr_warn(string fmt, params object?[] args) => printk(KERN_WARNING + fmt, args);
    /// <summary>printk at KERN_NOTICE.</summary>
    public static int pr_notice(string fmt, params object?[] args) => printk(KERN_NOTICE + fmt, args);
    /// <summary>printk at KERN_INFO.</summary>
    public static int pr_info(string fmt, params object?[] args) => printk(KERN_INFO + fmt, args);
    /// <summary>printk at KERN_DEBUG.</summary>
    public static int pr_debug(string fmt, params object?[] args) => printk(KERN_DEBUG + fmt, args);
}
