namespace Kmem;

/// <summary>A named slab cache (<c>struct kmem_cache</c>), made by <c>kmem_cache_create</c>.</summary>
public sealed partial class kmem_cache
{
    /// <summary>The cache behind this handle.</summary>
    internal SlabCache Cache { get; init; } = null!;

    /// <summary>The <c>struct kmem_cache</c> object itself, allocated from the "kmem_cache" cache.</summary>
    internal Allocation Descriptor { get; init; } = null!;

    /// <summary>The cache's name.</summary>
    public override string ToString() => Cache?.Name ?? "(invalid kmem_cache)";
}
