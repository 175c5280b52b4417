using System.Linq;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

public class LiveAllocationTests
{
    [Fact]
    public void Every_unreleased_allocation_is_listed_with_its_family_and_size()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var k = kmalloc(100, GFP_KERNEL);
        var big = kmalloc(20000, GFP_KERNEL);
        ulong pages = __get_free_pages(GFP_KERNEL, 2);
        var page = alloc_page(GFP_KERNEL)!;
        var v = vmalloc(10000);
        var kv = kvmalloc(64, GFP_KERNEL);
        var cache = kmem_cache_create("thing", 48, 0, default, null)!;
        var obj = kmem_cache_alloc(cache, GFP_KERNEL);

        var live = m.LiveAllocations().ToDictionary(a => a.Address);
        Assert.Equal((100L, MemoryFamily.Kmalloc, "kmalloc"), (live[k.Value].Size, live[k.Value].Family, live[k.Value].AllocatedBy));
        Assert.Equal((20000L, MemoryFamily.Kmalloc), (live[big.Value].Size, live[big.Value].Family));
        Assert.Equal((4 * PAGE_SIZE, MemoryFamily.PageAddress), (live[pages].Size, live[pages].Family));
        Assert.Equal(MemoryFamily.Page, live[page_address(page).Value].Family);
        Assert.Equal((10000L, MemoryFamily.Vmalloc), (live[v.Value].Size, live[v.Value].Family));
        Assert.Equal(MemoryFamily.Kvmalloc, live[kv.Value].Family);
        Assert.Equal((48L, MemoryFamily.SlabObject), (live[obj.Value].Size, live[obj.Value].Family));
        Assert.Single(live.Values, a => a.Family == MemoryFamily.SlabCache && a.AllocatedBy == "kmem_cache_create");
        Assert.Equal(8, live.Count);

        kmem_cache_free(cache, obj);
        kmem_cache_destroy(cache);
        kvfree(kv);
        vfree(v);
        __free_page(page);
        free_pages(pages, 2);
        kfree(big);
        kfree(k);
        Assert.Empty(m.LiveAllocations());
        Assert.Equal(m.TotalPages, m.FreePages);
    }
}
