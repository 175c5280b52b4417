namespace Kmem.Analyzers.Constants;

/// <summary>The kernel's <c>get_order</c> arithmetic.</summary>
internal static class PageOrder
{
    /// <summary>
    /// The smallest order whose block holds <paramref name="size"/> bytes; null when the size is not
    /// known or not positive (the kernel leaves <c>get_order(0)</c> undefined).
    /// </summary>
    public static long? OfSize(long? size, int pageShift)
    {
        if (size is not { } bytes || bytes <= 0 || pageShift <= 0)
            return null;
        var pages = ((bytes - 1) >> pageShift) + 1;
        var order = 0;
        while ((1L << order) < pages)
            order++;
        return order;
    }
}
