using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

public class HighmemTests
{
    [Fact]
    public void Highmem_pages_have_no_address_until_kmapped()
    {
        using var m = TestMachines.WithHighmem();
        var page = alloc_page(GFP_HIGHUSER);
        Assert.NotNull(page);
        Assert.True(PageHighMem(page));
        Assert.True(page_to_phys(page) >= 896UL << 20);
        Assert.Equal(NULL, page_address(page));

        var mapped = kmap(page);
        Assert.InRange(mapped.Value, PKMAP_BASE, PKMAP_BASE + (ulong)LAST_PKMAP * (ulong)PAGE_SIZE - 1);
        Assert.Equal(mapped, page_address(page));
        Assert.Equal(mapped, kmap(page));
        mapped.WriteInt32(100, 0x12345678);
        kunmap(page);
        Assert.Equal(0x12345678, mapped.ReadInt32(100));
        kunmap(page);
        Assert.Equal(NULL, page_address(page));
        Assert.Throws<KernelOops>(() => mapped.ReadInt32(100));

        var again = kmap(page);
        Assert.Equal(0x12345678, again.ReadInt32(100));
        kunmap(page);
        __free_page(page);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void Get_free_pages_never_returns_highmem()
    {
        using var m = TestMachines.WithHighmem();
        ulong address = __get_free_page(GFP_HIGHUSER);
        Assert.True(virt_to_phys((KPtr)address) < 896UL << 20);
        free_page(address);
        var areas = m.ZoneFreeAreas();
        Assert.Equal("HighMem", areas[2].Zone);
        Assert.Equal((128L << 20) / PAGE_SIZE, areas[2].TotalPages);
    }

    [Fact]
    public void Kunmap_of_an_unmapped_highmem_page_is_a_bug()
    {
        using var m = TestMachines.WithHighmem();
        var page = alloc_page(GFP_HIGHUSER)!;
        Assert.Throws<KernelOops>(() => kunmap(page));
        __free_page(page);
    }

    [Fact]
    public void virt_to_phys_of_a_non_linear_address_is_a_bug()
    {
        using var m = TestMachines.Small();
        var oops = Assert.Throws<KernelOops>(() => virt_to_phys((KPtr)VMALLOC_START));
        Assert.Contains("virt_to_phys used for non-linear address", oops.Message);
    }
}
