namespace Kmem;

/// <summary>The allocation a bad access or free concerns, for the report's "belongs to the object" lines: its cache (for slab objects) and the size of its slot.</summary>
internal sealed record BuggyObject(Allocation Allocation, string? CacheName, long ObjectSize);
