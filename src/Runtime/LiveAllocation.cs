namespace Kmem;

/// <summary>An allocation that has not been released yet.</summary>
/// <param name="Address">Its start address (a kernel virtual address; for <c>struct page</c>, the page's direct-map address or its physical address for highmem).</param>
/// <param name="Size">Its size in bytes as requested.</param>
/// <param name="Family">The family that allocated it.</param>
/// <param name="AllocatedBy">The allocating function (<c>kmalloc</c>).</param>
/// <param name="StackTrace">Where it was allocated, when the machine records stacks; otherwise null.</param>
public sealed record LiveAllocation(ulong Address, long Size, MemoryFamily Family, string AllocatedBy, string? StackTrace);
