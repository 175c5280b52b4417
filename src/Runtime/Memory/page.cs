namespace Kmem;

/// <summary>A page frame descriptor (<c>struct page</c>).</summary>
public sealed partial class page
{
    /// <summary>The page frame number.</summary>
    internal long Pfn { get; init; }

    /// <summary>The frame, as <c>pfn:0x…</c>.</summary>
    public override string ToString() => "pfn:0x" + Pfn.ToString("x5");
}
