using System.Collections.Generic;
using System.Linq;
using Kmem.Tests.Memory;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Vmalloc;

public class VmallocTests
{
    [Fact]
    public void vmalloc_memory_lies_in_the_vmalloc_area_with_a_guard_page_between_areas()
    {
        using var m = TestMachines.Small();
        var a = vmalloc(3 * PAGE_SIZE);
        var b = vmalloc(100);
        Assert.Equal(VMALLOC_START, a.Value);
        Assert.Equal(VMALLOC_START + 4 * (ulong)PAGE_SIZE, b.Value);
        Assert.True(is_vmalloc_addr(a));
        Assert.False(is_vmalloc_addr(kmalloc(8, GFP_KERNEL | __GFP_NOFAIL)));
        var guard = Assert.Throws<KernelOops>(() => (a + 3 * PAGE_SIZE).ReadByte());
        Assert.StartsWith("BUG: unable to handle page fault", guard.Message);
        vfree(a);
        vfree(b);
        Assert.Single(m.LiveAllocations());
    }

    [Fact]
    public void Scattered_pages_are_mapped_contiguously()
    {
        using var m = TestMachines.Small();
        var fragments = Enumerable.Range(0, 16).Select(_ => __get_free_page(GFP_KERNEL)).ToArray();
        for (int i = 0; i < fragments.Length; i += 2)
            free_page(fragments[i]);

        const int pages = 6;
        var v = vmalloc(pages * PAGE_SIZE);
        for (int i = 0; i < pages * PAGE_SIZE; i += 512)
            v.WriteInt32(i, i);
        var backing = Enumerable.Range(0, pages).Select(i => vmalloc_to_page(v + i * PAGE_SIZE)!).ToArray();
        var pfns = backing.Select(p => page_to_pfn(p)).ToArray();
        Assert.Equal(pages, pfns.Distinct().Count());
        Assert.Contains(pfns.Zip(pfns.Skip(1)), pair => pair.Second != pair.First + 1);

        for (int i = 0; i < pages * PAGE_SIZE; i += 512)
        {
            var direct = page_address(backing[i / PAGE_SIZE]);
            Assert.Equal(i, direct.ReadInt32(i % PAGE_SIZE));
        }
        vfree(v);
        for (int i = 1; i < fragments.Length; i += 2)
            free_page(fragments[i]);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void vmalloc_prefers_highmem_pages()
    {
        using var m = TestMachines.WithHighmem();
        var v = vzalloc(2 * PAGE_SIZE);
        var page = vmalloc_to_page(v)!;
        Assert.True(PageHighMem(page));
        v.WriteInt64(8, 1234);
        var mapped = kmap(page);
        Assert.Equal(1234, mapped.ReadInt64(8));
        kunmap(page);
        Assert.Equal(0, v.ReadInt64(PAGE_SIZE));
        vfree(v);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void Access_past_the_requested_size_is_vmalloc_out_of_bounds()
    {
        using var m = TestMachines.Small();
        var v = vmalloc(100);
        v[99] = 1;
        var oops = Assert.Throws<KernelOops>(() => v[100] = 1);
        Assert.Contains("BUG: KASAN: vmalloc-out-of-bounds", oops.Message);
        vfree(v);
        Assert.Throws<KernelOops>(() => v.ReadByte());
    }

    [Fact]
    public void vzalloc_zeroes_and_vcalloc_checks_overflow()
    {
        using var m = TestMachines.Small();
        var v = vzalloc(3 * PAGE_SIZE);
        Assert.All(v.ReadBytes(0, (int)(3 * PAGE_SIZE)), b => Assert.Equal(0, b));
        vfree(v);
        Assert.Equal(NULL, vcalloc(long.MaxValue, 2));
        Assert.Equal(NULL, vmalloc_array(-1, 2));
        var arr = vmalloc_array(10, 1000);
        Assert.Equal(10000, m.LiveAllocations().Single().Size);
        vfree(arr);
    }

    [Fact]
    public void Zero_and_oversized_requests_fail_with_warnings()
    {
        using var m = TestMachines.Small();
        Assert.Equal(NULL, vmalloc(0));
        Assert.True(m.Logged("__vmalloc_node_range_noprof"));
        Assert.Equal(NULL, vmalloc(TestMachines.SmallRam + PAGE_SIZE));
        Assert.True(m.Logged($"vmalloc error: size {TestMachines.SmallRam + PAGE_SIZE}, exceeds total pages, mode:0xcc0(GFP_KERNEL), nodemask=(null)"));
    }

    [Fact]
    public void vmalloc_fails_cleanly_when_memory_runs_out_half_way()
    {
        using var m = TestMachines.Small(reclaimTimeout: System.TimeSpan.FromMilliseconds(20));
        ulong held = __get_free_pages(GFP_KERNEL, 1);
        string before = m.BuddyInfo();
        Assert.Equal(NULL, vmalloc(TestMachines.SmallRam - PAGE_SIZE));
        Assert.True(m.Logged("failed to allocate pages"));
        Assert.Equal(before, m.BuddyInfo());
        Assert.Single(m.LiveAllocations());
        free_pages(held, 1);
        var v = vmalloc(PAGE_SIZE);
        Assert.Equal(VMALLOC_START, v.Value);
        vfree(v);
    }

    [Fact]
    public void Double_and_bad_vfree_are_reported()
    {
        using var m = TestMachines.Small(oopsOnBadFree: false, debug: TestMachines.WithoutKasan);
        var v = vmalloc(PAGE_SIZE * 2);
        vfree(v + 16);
        Assert.True(m.Logged($"Trying to vfree() nonexistent vm area (0x{v.Value + 16:x8})"));
        vfree(v);
        vfree(v);
        Assert.Equal(2, m.Log().Count(l => l.StartsWith("Trying to vfree() nonexistent vm area")));
        vfree(NULL);
        var k = kmalloc(16, GFP_KERNEL);
        vfree(k);
        Assert.Equal(3, m.Log().Count(l => l.StartsWith("Trying to vfree()")));
        kfree(k);
        Assert.Equal(m.TotalPages, m.FreePages);
    }
}
