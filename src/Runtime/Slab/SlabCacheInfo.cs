namespace Kmem;

/// <summary>One line of <see cref="Machine.SlabInfo"/>: the state of a slab cache, as /proc/slabinfo reports it.</summary>
/// <param name="Name">The cache's name (<c>kmalloc-64</c>).</param>
/// <param name="ActiveObjects">Objects allocated now.</param>
/// <param name="TotalObjects">Object slots in all its slabs.</param>
/// <param name="ObjectSize">The size of one object slot in bytes.</param>
/// <param name="ObjectsPerSlab">Object slots in one slab.</param>
/// <param name="PagesPerSlab">Pages in one slab.</param>
/// <param name="ActiveSlabs">Slabs holding at least one object.</param>
/// <param name="TotalSlabs">All its slabs.</param>
public sealed record SlabCacheInfo(string Name, long ActiveObjects, long TotalObjects, long ObjectSize, int ObjectsPerSlab, int PagesPerSlab, long ActiveSlabs, long TotalSlabs);
