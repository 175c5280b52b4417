namespace Kmem;

/// <summary>A page frame descriptor (<c>struct page</c>).</summary>
public sealed partial class page
{
}
