using System.Collections.Generic;
using System.Linq;
using Kmem.Tests.Memory;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Slab;

public class KmemCacheTests
{
    [Fact]
    public void A_cache_hands_out_objects_of_its_size_and_takes_them_back()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var cache = kmem_cache_create("widget", 40, 0, default, null);
        Assert.NotNull(cache);
        Assert.Equal(40, kmem_cache_size(cache!));
        var a = kmem_cache_alloc(cache!, GFP_KERNEL);
        var b = kmem_cache_zalloc(cache!, GFP_KERNEL);
        Assert.Equal(40UL, b.Value - a.Value);
        Assert.Equal(0, b.ReadInt64(32));
        Assert.Throws<KernelOops>(() => a.ReadInt64(36));
        var info = m.SlabCaches()[0];
        Assert.Equal(("widget", 2L, 40L), (info.Name, info.ActiveObjects, info.ObjectSize));
        kmem_cache_free(cache!, a);
        kmem_cache_free(cache!, b);
        kmem_cache_destroy(cache);
        Assert.DoesNotContain(m.SlabCaches(), c => c.Name == "widget");
        Assert.Empty(m.LiveAllocations());
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void The_constructor_runs_once_per_object_of_a_new_slab()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var constructed = new List<KPtr>();
        var cache = kmem_cache_create("ctor", 16, 0, default, p => { constructed.Add(p); p.WriteInt32(0, 77); })!;
        var a = kmem_cache_alloc(cache, GFP_KERNEL);
        Assert.Equal(new[] { a }, constructed);
        Assert.Equal(77, a.ReadInt32());
        a.WriteInt32(0, 5);
        var keep = kmem_cache_alloc(cache, GFP_KERNEL);
        kmem_cache_free(cache, a);
        var again = kmem_cache_alloc(cache, GFP_KERNEL);
        Assert.Equal(a, again);
        Assert.Equal(2, constructed.Count);
        Assert.Equal(5, again.ReadInt32());
        kmem_cache_free(cache, again);
        kmem_cache_free(cache, keep);
        kmem_cache_destroy(cache);
    }

    [Fact]
    public void Destroying_a_cache_with_live_objects_reports_and_keeps_the_cache()
    {
        using var m = TestMachines.Small();
        var cache = kmem_cache_create("leaky", 100, 0, default, null)!;
        var obj = kmem_cache_alloc(cache, GFP_KERNEL);
        kmem_cache_destroy(cache);
        Assert.True(m.Logged("kmem_cache_destroy leaky: Slab cache still has objects when called from"));
        Assert.Contains(m.SlabCaches(), c => c.Name == "leaky");
        kmem_cache_free(cache, obj);
        kmem_cache_destroy(cache);
        Assert.DoesNotContain(m.SlabCaches(), c => c.Name == "leaky");
        var oops = Assert.Throws<KernelOops>(() => kmem_cache_alloc(cache, GFP_KERNEL));
        Assert.Contains("slab-use-after-free in kmem_cache_alloc", oops.Message);
        Assert.Throws<KernelOops>(() => kmem_cache_destroy(cache));
        kmem_cache_destroy(null);
    }

    [Fact]
    public void Alignment_and_HWCACHE_ALIGN_round_the_slot_size()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var aligned = kmem_cache_create("aligned", 50, 0, slab_flags_t.SLAB_HWCACHE_ALIGN, null)!;
        var explicitAlign = kmem_cache_create("explicit", 10, 32, default, null)!;
        Assert.Equal(64, m.SlabCaches().Single(c => c.Name == "aligned").ObjectSize);
        Assert.Equal(32, m.SlabCaches().Single(c => c.Name == "explicit").ObjectSize);
        var a = kmem_cache_alloc(aligned, GFP_KERNEL);
        Assert.Equal(0UL, a.Value % 64);
        kmem_cache_free(aligned, a);
        kmem_cache_destroy(aligned);
        kmem_cache_destroy(explicitAlign);
    }

    [Fact]
    public void Invalid_parameters_fail_creation_with_a_warning()
    {
        using var m = TestMachines.Small();
        Assert.Null(kmem_cache_create("zero", 0, 0, default, null));
        Assert.Null(kmem_cache_create("odd-align", 16, 3, default, null));
        Assert.Null(kmem_cache_create("", 16, 0, default, null));
        Assert.True(m.Logged("kmem_cache_create(zero) failed with error -22"));
        Assert.Throws<KernelOops>(() => kmem_cache_create("panic", 0, 0, slab_flags_t.SLAB_PANIC, null));
    }

    [Fact]
    public void Freeing_to_the_wrong_cache_warns_and_frees_to_the_right_one()
    {
        using var m = TestMachines.Small();
        var one = kmem_cache_create("one", 24, 0, default, null)!;
        var two = kmem_cache_create("two", 24, 0, default, null)!;
        var obj = kmem_cache_alloc(one, GFP_KERNEL);
        kmem_cache_free(two, obj);
        Assert.True(m.Logged("cache_from_obj: Wrong slab cache. two but object is from one"));
        Assert.Equal(0, m.SlabCaches().Single(c => c.Name == "one").ActiveObjects);
        Assert.Throws<KernelOops>(() => kmem_cache_free(one, obj));
        kmem_cache_destroy(one);
        kmem_cache_destroy(two);
        Assert.Empty(m.LiveAllocations());
    }

    [Fact]
    public void Large_objects_use_multi_page_slabs()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var cache = kmem_cache_create("big", 3000, 0, default, null)!;
        var objects = Enumerable.Range(0, 12).Select(_ => kmem_cache_alloc(cache, GFP_KERNEL)).ToArray();
        var info = m.SlabCaches().Single(c => c.Name == "big");
        Assert.Equal(8, info.PagesPerSlab);
        Assert.Equal(10, info.ObjectsPerSlab);
        Assert.Equal(2, info.TotalSlabs);
        memset(objects[3], 1, 3000);
        foreach (var o in objects)
            kmem_cache_free(cache, o);
        kmem_cache_destroy(cache);
        Assert.Equal(m.TotalPages, m.FreePages);
    }
}
