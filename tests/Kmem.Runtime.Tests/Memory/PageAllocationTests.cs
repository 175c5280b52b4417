using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

public class PageAllocationTests
{
    [Fact]
    public void Free_pages_come_from_the_direct_map_and_the_conversions_agree()
    {
        using var m = TestMachines.Small();
        ulong address = __get_free_pages(GFP_KERNEL, 2);
        Assert.InRange(address, PAGE_OFFSET, PAGE_OFFSET + (ulong)TestMachines.SmallRam - 1);
        Assert.Equal(0UL, address % (4 * (ulong)PAGE_SIZE));

        var page = virt_to_page((KPtr)address);
        Assert.Equal(address - PAGE_OFFSET, virt_to_phys((KPtr)address));
        Assert.Equal(virt_to_phys((KPtr)address), page_to_phys(page));
        Assert.Equal((KPtr)address, page_address(page));
        Assert.Same(page, virt_to_page((KPtr)(address + 100)));
        Assert.Equal(virt_to_phys((KPtr)address) + 100, virt_to_phys((KPtr)(address + 100)));
        free_pages(address, 2);
    }

    [Fact]
    public void Normal_allocations_prefer_ZONE_NORMAL_and_GFP_DMA_stays_below_16_MiB()
    {
        using var m = TestMachines.Small();
        ulong normal = __get_free_page(GFP_KERNEL);
        ulong dma = __get_free_page(GFP_KERNEL | GFP_DMA);
        Assert.True(virt_to_phys((KPtr)normal) >= 16UL << 20);
        Assert.True(virt_to_phys((KPtr)dma) < 16UL << 20);
        free_page(normal);
        free_page(dma);
    }

    [Fact]
    public void Lowmem_allocations_fall_back_to_ZONE_DMA_when_ZONE_NORMAL_is_full()
    {
        using var m = TestMachines.Small();
        var taken = new System.Collections.Generic.List<ulong>();
        ulong address;
        while ((address = __get_free_pages(GFP_ATOMIC | __GFP_NOWARN, MAX_PAGE_ORDER)) != 0 && virt_to_phys((KPtr)address) >= 16UL << 20)
            taken.Add(address);
        Assert.NotEqual(0UL, address);
        Assert.True(virt_to_phys((KPtr)address) < 16UL << 20);
        free_pages(address, MAX_PAGE_ORDER);
        foreach (var block in taken)
            free_pages(block, MAX_PAGE_ORDER);
    }

    [Fact]
    public void Freeing_everything_restores_the_buddy_state()
    {
        using var m = TestMachines.Small();
        string before = m.BuddyInfo();
        var pages = new[] { __get_free_pages(GFP_KERNEL, 0), __get_free_pages(GFP_KERNEL, 3), __get_free_pages(GFP_KERNEL, 1), __get_free_pages(GFP_KERNEL, 0) };
        Assert.NotEqual(before, m.BuddyInfo());
        free_pages(pages[2], 1);
        free_pages(pages[0], 0);
        free_pages(pages[3], 0);
        free_pages(pages[1], 3);
        Assert.Equal(before, m.BuddyInfo());
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void BuddyInfo_uses_the_proc_format()
    {
        using var m = TestMachines.Small();
        var lines = m.BuddyInfo().TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Node 0, zone      DMA ", lines[0]);
        Assert.StartsWith("Node 0, zone   Normal ", lines[1]);
        Assert.EndsWith("     4 ", lines[0]);
        var areas = m.ZoneFreeAreas();
        Assert.Equal(new[] { "DMA", "Normal" }, new[] { areas[0].Zone, areas[1].Zone });
        Assert.Equal(4096, areas[0].TotalPages);
        Assert.Equal(12288, areas[1].FreePages);
    }

    [Fact]
    public void Zeroed_pages_read_as_zero_even_after_reuse()
    {
        using var m = TestMachines.Small();
        ulong first = __get_free_page(GFP_KERNEL);
        memset((KPtr)first, 0xAB, PAGE_SIZE);
        free_page(first);
        ulong second = get_zeroed_page(GFP_KERNEL);
        Assert.Equal(first, second);
        Assert.All(((KPtr)second).ReadBytes(0, (int)PAGE_SIZE), b => Assert.Equal(0, b));
        free_page(second);
    }

    [Fact]
    public void An_order_above_MAX_PAGE_ORDER_warns_and_fails()
    {
        using var m = TestMachines.Small();
        Assert.Equal(0UL, __get_free_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
        Assert.Null(alloc_pages(GFP_KERNEL, -1));
        Assert.True(m.Logged("WARNING: CPU: 0 PID:"));
        Assert.True(m.Logged("order:11 > MAX_PAGE_ORDER (10)"));
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void NOWARN_silences_the_order_warning()
    {
        using var m = TestMachines.Small();
        Assert.Equal(0UL, __get_free_pages(GFP_KERNEL | __GFP_NOWARN, 12));
        Assert.Empty(m.Log());
    }

    [Fact]
    public void Freeing_with_the_wrong_order_reports_a_bad_page_state_and_changes_nothing()
    {
        using var m = TestMachines.Small();
        ulong address = __get_free_pages(GFP_KERNEL, 2);
        string allocated = m.BuddyInfo();
        var oops = Assert.Throws<KernelOops>(() => free_pages(address, 1));
        Assert.StartsWith("BUG: Bad page state in process", oops.Message);
        Assert.Contains("freed with order 1, allocated with order 2", oops.Message);
        Assert.Equal(allocated, m.BuddyInfo());
        free_pages(address, 2);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void Double_free_and_interior_free_are_reported_without_corrupting_the_allocator()
    {
        using var m = TestMachines.Small(oopsOnBadFree: false);
        ulong address = __get_free_pages(GFP_KERNEL, 1);
        free_pages(address + (ulong)PAGE_SIZE, 0);
        Assert.True(m.Logged("not the first page of its allocation"));
        free_pages(address, 1);
        string freed = m.BuddyInfo();
        free_pages(address, 1);
        Assert.True(m.Logged("page is not allocated (double free?)"));
        Assert.Equal(freed, m.BuddyInfo());
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void Page_descriptors_free_with___free_pages()
    {
        using var m = TestMachines.Small();
        var page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
        Assert.NotNull(page);
        Assert.Equal(0, page_address(page).ReadInt64(PAGE_SIZE));
        Assert.Equal(page_address(page), kmap(page));
        kunmap(page);
        __free_pages(page, 1);
        Assert.Equal(m.TotalPages, m.FreePages);
        Assert.Throws<KernelOops>(() => __free_page(page));
    }

    [Fact]
    public void Free_of_zero_does_nothing()
    {
        using var m = TestMachines.Small();
        free_pages(0, 3);
        free_page(0);
        Assert.Empty(m.Log());
    }

    [Fact]
    public void get_order_rounds_up_to_whole_pages()
    {
        Assert.Equal(0, get_order(1));
        Assert.Equal(0, get_order(PAGE_SIZE));
        Assert.Equal(1, get_order(PAGE_SIZE + 1));
        Assert.Equal(2, get_order(4 * PAGE_SIZE));
        Assert.Equal(10, get_order(KMALLOC_MAX_SIZE));
    }
}
