using System.Linq;
using Kmem.Tests.Memory;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Vmalloc;

public class KvmallocTests
{
    [Fact]
    public void Small_requests_come_from_kmalloc()
    {
        using var m = TestMachines.Small();
        var p = kvmalloc(200, GFP_KERNEL);
        Assert.False(is_vmalloc_addr(p));
        Assert.Equal(256, ksize(p));
        Assert.Equal(MemoryFamily.Kvmalloc, m.LiveAllocations().Single().Family);
        kvfree(p);
        Assert.Empty(m.LiveAllocations());
    }

    [Fact]
    public void Requests_kmalloc_cannot_serve_fall_back_to_vmalloc_without_warning()
    {
        using var m = TestMachines.Small();
        var p = kvzalloc(8L << 20, GFP_KERNEL);
        Assert.True(is_vmalloc_addr(p));
        Assert.Equal(0, p.ReadInt64((8L << 20) - 8));
        Assert.Empty(m.Log());
        Assert.Equal(MemoryFamily.Kvmalloc, m.LiveAllocations().Single().Family);
        kvfree(p);
        Assert.Equal(m.TotalPages, m.FreePages);
    }

    [Fact]
    public void Atomic_requests_do_not_fall_back_to_vmalloc()
    {
        using var m = TestMachines.Small();
        Assert.Equal(NULL, kvmalloc(8L << 20, GFP_ATOMIC));
        Assert.Empty(m.Log());
        Assert.Equal(NULL, kvcalloc(long.MaxValue, 16, GFP_KERNEL));
        var arr = kvmalloc_array(4, 1L << 20, GFP_KERNEL);
        Assert.False(is_vmalloc_addr(arr));
        kvfree(arr);
    }

    [Fact]
    public void kvfree_accepts_kmalloc_and_vmalloc_memory()
    {
        using var m = TestMachines.Small();
        kvfree(kmalloc(10, GFP_KERNEL));
        kvfree(vmalloc(10));
        kvfree(NULL);
        kvfree(ZERO_SIZE_PTR);
        Assert.Empty(m.LiveAllocations());
        Assert.Empty(m.Log());
    }

    [Fact]
    public void kvfree_of_a_freed_pointer_is_reported()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var p = kvmalloc(100, GFP_KERNEL);
        kvfree(p);
        var oops = Assert.Throws<KernelOops>(() => kvfree(p));
        Assert.StartsWith("BUG: double free or invalid kvfree", oops.Message);
    }
}
