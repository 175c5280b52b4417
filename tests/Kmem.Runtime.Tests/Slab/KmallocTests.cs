using System.Linq;
using Kmem.Tests.Memory;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Slab;

public class KmallocTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(8, 8)]
    [InlineData(9, 16)]
    [InlineData(65, 96)]
    [InlineData(100, 128)]
    [InlineData(129, 192)]
    [InlineData(193, 256)]
    [InlineData(1000, 1024)]
    [InlineData(8192, 8192)]
    [InlineData(8193, 16384)]
    [InlineData(20000, 32768)]
    public void ksize_is_the_size_class(long size, long expected)
    {
        using var m = TestMachines.Small();
        var p = kmalloc(size, GFP_KERNEL);
        Assert.InRange(p.Value, PAGE_OFFSET, PAGE_OFFSET + (ulong)TestMachines.SmallRam - 1);
        Assert.Equal(expected, ksize(p));
        kfree(p);
        Assert.Empty(m.LiveAllocations());
    }

    [Fact]
    public void Objects_of_one_class_share_the_slab_and_are_counted_in_slabinfo()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var objects = Enumerable.Range(0, 100).Select(_ => kmalloc(64, GFP_KERNEL)).ToArray();
        var info = m.SlabCaches().Single(c => c.Name == "kmalloc-64");
        Assert.Equal((100L, 64L, 64, 1), (info.ActiveObjects, info.ObjectSize, info.ObjectsPerSlab, info.PagesPerSlab));
        Assert.Equal(2, info.TotalSlabs);
        Assert.Equal(64UL, objects[1].Value - objects[0].Value);
        Assert.Matches(@"\nkmalloc-64           100    128     64   64    1 : tunables    0    0    0 : slabdata      2      2      0\n", m.SlabInfo());
        Assert.StartsWith("slabinfo - version: 2.1\n# name ", m.SlabInfo());
        foreach (var p in objects)
            kfree(p);
        info = m.SlabCaches().Single(c => c.Name == "kmalloc-64");
        Assert.Equal((0L, 0L), (info.ActiveObjects, info.TotalSlabs));
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void kmalloc_of_zero_returns_ZERO_SIZE_PTR_which_kfree_accepts()
    {
        using var m = TestMachines.Small();
        var p = kmalloc(0, GFP_KERNEL);
        Assert.Equal(ZERO_SIZE_PTR, p);
        Assert.True(ZERO_OR_NULL_PTR(p));
        Assert.Equal(0, ksize(p));
        kfree(p);
        kfree(NULL);
        Assert.Empty(m.Log());
    }

    [Fact]
    public void Sizes_above_KMALLOC_MAX_SIZE_warn_and_fail()
    {
        using var m = TestMachines.Small();
        Assert.Equal(KPtr.Null, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
        Assert.True(m.Logged("WARNING: CPU: 0 PID:"));
        var max = kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL);
        Assert.NotEqual(NULL, max);
        kfree(max);
        Assert.Equal(NULL, kmalloc(-1, GFP_KERNEL | __GFP_NOWARN));
    }

    [Fact]
    public void Array_allocators_fail_on_overflow()
    {
        using var m = TestMachines.Small();
        Assert.Equal(NULL, kcalloc(long.MaxValue / 2, 4, GFP_KERNEL));
        Assert.Equal(NULL, kmalloc_array(1L << 40, 1L << 40, GFP_KERNEL));
        var p = kcalloc(10, 8, GFP_KERNEL);
        Assert.Equal(80, m.LiveAllocations().Single().Size);
        kfree(p);
    }

    [Fact]
    public void kzalloc_zeroes_reused_memory()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var p = kmalloc(100, GFP_KERNEL);
        memset(p, 0xEE, 100);
        kfree(p);
        var q = kzalloc(100, GFP_KERNEL);
        Assert.Equal(p, q);
        Assert.All(q.ReadBytes(0, 100), b => Assert.Equal(0, b));
        kfree(q);
    }

    [Fact]
    public void krealloc_grows_by_moving_and_shrinks_in_place()
    {
        using var m = TestMachines.Small();
        var p = krealloc(NULL, 20, GFP_KERNEL);
        p.WriteBytes(0, Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());
        var same = krealloc(p, 30, GFP_KERNEL | __GFP_ZERO);
        Assert.Equal(p, same);
        Assert.Equal(0, same[25]);
        var moved = krealloc(same, 1000, GFP_KERNEL);
        Assert.NotEqual(p, moved);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray(), moved.ReadBytes(0, 20));
        Assert.Throws<KernelOops>(() => p.ReadByte());
        var shrunk = krealloc(moved, 10, GFP_KERNEL);
        Assert.Equal(moved, shrunk);
        Assert.Throws<KernelOops>(() => shrunk.ReadByte(10));
        Assert.Equal(ZERO_SIZE_PTR, krealloc(shrunk, 0, GFP_KERNEL));
        Assert.Empty(m.LiveAllocations());
    }

    [Fact]
    public void krealloc_failure_leaves_the_old_memory_alone()
    {
        using var m = TestMachines.Small();
        var p = kmalloc(16, GFP_KERNEL);
        p.WriteInt64(0, 42);
        Assert.Equal(NULL, krealloc(p, KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
        Assert.Equal(42, p.ReadInt64());
        kfree(p);
    }

    [Fact]
    public void kmemdup_and_kstrdup_copy()
    {
        using var m = TestMachines.Small();
        var src = kmalloc(5, GFP_KERNEL);
        src.WriteBytes(0, new byte[] { 1, 2, 3, 4, 5 });
        var dup = kmemdup(src, 5, GFP_KERNEL);
        Assert.Equal(0, memcmp(src, dup, 5));
        var s = kstrdup("grüße", GFP_KERNEL);
        Assert.Equal("grüße", s.ReadString());
        Assert.Equal(8, m.LiveAllocations().Single(a => a.AllocatedBy == "kstrdup").Size);
        Assert.Equal(NULL, kstrdup(null!, GFP_KERNEL));
        Assert.Throws<KernelOops>(() => kmemdup(src, 6, GFP_KERNEL));
        kfree(s);
        kfree(dup);
        kfree(src);
        Assert.Empty(m.LiveAllocations());
    }

    [Fact]
    public void Double_kfree_is_reported_and_the_cache_stays_consistent()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var p = kmalloc(32, GFP_KERNEL);
        var q = kmalloc(32, GFP_KERNEL);
        kfree(p);
        var oops = Assert.Throws<KernelOops>(() => kfree(p));
        Assert.StartsWith("BUG: double free or invalid kfree: ", oops.Message);
        Assert.Equal(1, m.SlabCaches().Single(c => c.Name == "kmalloc-32").ActiveObjects);
        var r = kmalloc(32, GFP_KERNEL);
        var s = kmalloc(32, GFP_KERNEL);
        Assert.NotEqual(r, s);
        kfree(q);
        kfree(r);
        kfree(s);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void Invalid_kfree_of_an_interior_pointer_a_vmalloc_address_or_pages_is_reported()
    {
        using var m = TestMachines.Small(oopsOnBadFree: false, debug: TestMachines.WithoutKasan);
        var p = kmalloc(64, GFP_KERNEL);
        var big = kmalloc(10000, GFP_KERNEL);
        var v = vmalloc(100);
        ulong pages = __get_free_page(GFP_KERNEL);
        kfree(p + 8);
        kfree(big + 8);
        kfree(v);
        kfree((KPtr)pages);
        Assert.Equal(4, m.Log().Count(line => line.StartsWith("BUG: double free or invalid kfree")));
        Assert.Equal(4, m.LiveAllocations().Count);
        kfree(p);
        kfree(big);
        vfree(v);
        free_page(pages);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void GFP_DMA_kmalloc_uses_dma_caches_below_16_MiB()
    {
        using var m = TestMachines.Small();
        var p = kmalloc(100, GFP_KERNEL | GFP_DMA);
        Assert.True(virt_to_phys(p) < 16UL << 20);
        Assert.Equal(1, m.SlabCaches().Single(c => c.Name == "dma-kmalloc-128").ActiveObjects);
        kfree(p);
    }

    [Fact]
    public void GFP_ATOMIC_kmalloc_fails_at_once_when_memory_is_exhausted()
    {
        using var m = TestMachines.Small(reclaimTimeout: System.TimeSpan.FromMinutes(5));
        var taken = TestMachines.ExhaustLowmem();
        Assert.Equal(NULL, kmalloc(64, GFP_ATOMIC));
        Assert.True(m.Logged("SLUB: Unable to allocate memory on node -1, gfp=0x820(GFP_ATOMIC)"));
        Assert.True(m.Logged("cache: kmalloc-64, object size: 64"));
        TestMachines.FreeAll(taken);
    }
}
