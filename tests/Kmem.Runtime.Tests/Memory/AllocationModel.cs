using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

/// <summary>
/// A reference model of the live allocations of a random workload. Each allocation is filled with
/// its own pattern byte and checked when it is freed; direct-map ranges and page frames handed out
/// must never overlap another live allocation's.
/// </summary>
internal sealed class AllocationModel
{
    private enum Kind { Pages, Kmalloc, Vmalloc, CacheObject }

    private sealed record Live(Kind Kind, KPtr Address, long Size, int Order, byte Pattern, ulong[] Pfns, (ulong Start, ulong End)[] Ranges);

    private readonly List<Live> live = new();
    private readonly SortedDictionary<ulong, ulong> directRanges = new();
    private readonly HashSet<ulong> ownedPfns = new();
    private readonly kmem_cache cache;
    private byte nextPattern = 1;

    public AllocationModel(kmem_cache cache) => this.cache = cache;

    public int Count => live.Count;

    /// <summary>Runs one operation chosen by <paramref name="op"/>; <paramref name="arg"/> sizes or picks it.</summary>
    public void Step(int op, int arg)
    {
        switch (op)
        {
            case 0:
                AddPages(arg % 5);
                break;
            case 1:
                AddKmalloc(1 + arg % 20000);
                break;
            case 2:
                AddVmalloc(1 + arg % 40000);
                break;
            case 3:
                AddCacheObject();
                break;
            default:
                if (live.Count > 0)
                    Free(live[arg % live.Count]);
                break;
        }
    }

    public void FreeAll()
    {
        while (live.Count > 0)
            Free(live[^1]);
    }

    private void AddPages(int order)
    {
        ulong address = __get_free_pages(GFP_KERNEL, order);
        Assert.NotEqual(0UL, address);
        long size = PAGE_SIZE << order;
        var pfns = Enumerable.Range(0, 1 << order).Select(i => virt_to_pfn((KPtr)address) + (ulong)i).ToArray();
        Add(new Live(Kind.Pages, (KPtr)address, size, order, 0, pfns, new[] { (address, address + (ulong)size) }));
    }

    private void AddKmalloc(long size)
    {
        var p = kmalloc(size, GFP_KERNEL);
        Assert.False(ZERO_OR_NULL_PTR(p));
        Assert.True(ksize(p) >= size);
        Add(new Live(Kind.Kmalloc, p, size, 0, 0, Array.Empty<ulong>(), new[] { (p.Value, p.Value + (ulong)size) }));
    }

    private void AddCacheObject()
    {
        var p = kmem_cache_alloc(cache, GFP_KERNEL);
        Assert.NotEqual(NULL, p);
        long size = kmem_cache_size(cache);
        Add(new Live(Kind.CacheObject, p, size, 0, 0, Array.Empty<ulong>(), new[] { (p.Value, p.Value + (ulong)size) }));
    }

    private void AddVmalloc(long size)
    {
        var v = vmalloc(size);
        Assert.True(is_vmalloc_addr(v));
        long pages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
        var backing = Enumerable.Range(0, (int)pages).Select(i => vmalloc_to_page(v + i * PAGE_SIZE)!).ToArray();
        var ranges = backing.Select(p => (page_address(p).Value, page_address(p).Value + (ulong)PAGE_SIZE)).ToArray();
        Add(new Live(Kind.Vmalloc, v, size, 0, 0, backing.Select(page_to_pfn).ToArray(), ranges));
    }

    private void Add(Live allocation)
    {
        foreach (var pfn in allocation.Pfns)
            Assert.True(ownedPfns.Add(pfn), $"page frame {pfn:x} handed out twice");
        foreach (var (start, end) in allocation.Ranges)
        {
            AssertNoOverlap(start, end);
            directRanges.Add(start, end);
        }
        var withPattern = allocation with { Pattern = nextPattern };
        nextPattern = (byte)(nextPattern % 250 + 1);
        memset(withPattern.Address, withPattern.Pattern, withPattern.Size);
        if (withPattern.Kind == Kind.Vmalloc)
        {
            // Written through the vmalloc address, read back through the direct map of the last frame.
            long last = withPattern.Size - 1;
            var lastPage = page_address(vmalloc_to_page(withPattern.Address + last)!);
            Assert.Equal(withPattern.Pattern, lastPage.ReadByte(last % PAGE_SIZE));
        }
        live.Add(withPattern);
    }

    private void Free(Live allocation)
    {
        foreach (long offset in new[] { 0, allocation.Size / 2, allocation.Size - 1 })
            Assert.Equal(allocation.Pattern, allocation.Address.ReadByte(offset));
        switch (allocation.Kind)
        {
            case Kind.Pages: free_pages(allocation.Address.Value, allocation.Order); break;
            case Kind.Kmalloc: kfree(allocation.Address); break;
            case Kind.Vmalloc: vfree(allocation.Address); break;
            default: kmem_cache_free(cache, allocation.Address); break;
        }
        foreach (var pfn in allocation.Pfns)
            ownedPfns.Remove(pfn);
        foreach (var (start, _) in allocation.Ranges)
            directRanges.Remove(start);
        live.Remove(allocation);
    }

    private void AssertNoOverlap(ulong start, ulong end)
    {
        // Live ranges are few enough (hundreds) that a view over the neighbours is cheap.
        foreach (var (otherStart, otherEnd) in directRanges)
        {
            if (otherStart >= end)
                break;
            Assert.False(otherEnd > start, $"[{start:x}, {end:x}) overlaps live [{otherStart:x}, {otherEnd:x})");
        }
    }
}
