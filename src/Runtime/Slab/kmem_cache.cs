namespace Kmem;

/// <summary>A named slab cache (<c>struct kmem_cache</c>), made by <c>kmem_cache_create</c>.</summary>
public sealed partial class kmem_cache
{
}
