using System.Text;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

public class MemoryAccessTests
{
    [Fact]
    public void Typed_values_round_trip_little_endian()
    {
        using var m = TestMachines.Small();
        var p = kmalloc(64, GFP_KERNEL);
        p[0] = 0x7F;
        p.WriteInt16(2, -2);
        p.WriteInt32(4, 0x01020304);
        p.WriteInt64(8, long.MinValue + 5);
        p.WritePtr(16, ERR_PTR(-ENOMEM));
        p.WriteBytes(24, Encoding.ASCII.GetBytes("hello\0"));
        Assert.Equal(0x7F, p[0]);
        Assert.Equal(-2, p.ReadInt16(2));
        Assert.Equal(0x01020304, p.ReadInt32(4));
        Assert.Equal(0x04, p.ReadByte(4));
        Assert.Equal(long.MinValue + 5, p.ReadInt64(8));
        Assert.Equal(-ENOMEM, PTR_ERR(p.ReadPtr(16)));
        Assert.Equal("hello", p.ReadString(24));
        Assert.Equal(new byte[] { 0x68, 0x65 }, p.ReadBytes(24, 2));
        kfree(p);
    }

    [Fact]
    public void NULL_and_ZERO_SIZE_PTR_dereferences_oops()
    {
        using var m = TestMachines.Small();
        var oops = Assert.Throws<KernelOops>(() => NULL.ReadInt32());
        Assert.StartsWith("BUG: kernel NULL pointer dereference, address: 00000000", oops.Message);
        Assert.Throws<KernelOops>(() => (NULL + 8).WriteByte(0, 1));
        var empty = kmalloc(0, GFP_KERNEL);
        Assert.Equal(ZERO_SIZE_PTR, empty);
        var zero = Assert.Throws<KernelOops>(() => empty[0]);
        Assert.Contains("address: 00000010", zero.Message);
        Assert.True(m.Logged("BUG: kernel NULL pointer dereference"));
    }

    [Fact]
    public void Writing_one_past_a_kmalloc_object_is_slab_out_of_bounds()
    {
        using var m = TestMachines.Small();
        var p = kmalloc(10, GFP_KERNEL);
        p[9] = 1;
        var oops = Assert.Throws<KernelOops>(() => p[10] = 1);
        Assert.Contains("BUG: KASAN: slab-out-of-bounds in WriteByte", oops.Message);
        Assert.Contains("Write of size 1 at addr", oops.Message);
        Assert.Throws<KernelOops>(() => p.WriteInt32(8, 0));
        Assert.Throws<KernelOops>(() => memset(p, 0, 11));
        memset(p, 0, 10);
        kfree(p);
    }

    [Fact]
    public void Using_freed_memory_is_reported()
    {
        using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
        var p = kmalloc(32, GFP_KERNEL);
        var keep = kmalloc(32, GFP_KERNEL);
        kfree(p);
        var oops = Assert.Throws<KernelOops>(() => p.ReadInt32());
        Assert.Contains("slab-use-after-free", oops.Message);
        kfree(keep);
        var fault = Assert.Throws<KernelOops>(() => p.ReadInt32());
        Assert.StartsWith("BUG: unable to handle page fault for address:", fault.Message);

        ulong page = __get_free_page(GFP_KERNEL);
        free_page(page);
        Assert.Throws<KernelOops>(() => ((KPtr)page).WriteInt64(0, 1));
    }

    [Fact]
    public void Addresses_outside_every_mapping_fault()
    {
        using var m = TestMachines.Small();
        Assert.Throws<KernelOops>(() => ((KPtr)(PAGE_OFFSET + (64UL << 20))).ReadByte());
        Assert.Throws<KernelOops>(() => ((KPtr)0x10000000UL).ReadByte());
        Assert.Throws<KernelOops>(() => ((KPtr)VMALLOC_START).ReadByte());
        Assert.Throws<KernelOops>(() => ((KPtr)PKMAP_BASE).ReadByte());
    }

    [Fact]
    public void Page_allocations_are_accessible_in_full_and_not_beyond()
    {
        using var m = TestMachines.Small();
        var p = (KPtr)__get_free_pages(GFP_KERNEL, 1);
        memset(p, 0x5A, 2 * PAGE_SIZE);
        Assert.Equal(0x5A, p[2 * PAGE_SIZE - 1]);
        Assert.Throws<KernelOops>(() => p.ReadInt32(2 * PAGE_SIZE - 2));
        free_pages(p.Value, 1);
    }

    [Fact]
    public void memcpy_memmove_and_memcmp_work_on_checked_memory()
    {
        using var m = TestMachines.Small();
        var a = kmalloc(16, GFP_KERNEL);
        var b = kmalloc(16, GFP_KERNEL);
        a.WriteBytes(0, Encoding.ASCII.GetBytes("0123456789abcdef"));
        memcpy(b, a, 16);
        Assert.Equal(0, memcmp(a, b, 16));
        memmove(a + 2, a, 8);
        Assert.Equal("0101234567abcdef", Encoding.ASCII.GetString(a.ReadBytes(0, 16)));
        Assert.True(memcmp(a, b, 16) < 0);
        Assert.Throws<KernelOops>(() => memcpy(b, a, 17));
        Assert.Equal("0123456789abcdef", Encoding.ASCII.GetString(b.ReadBytes(0, 16)));
        kfree(a);
        kfree(b);
    }

    [Fact]
    public void ReadString_without_a_terminator_reads_out_of_bounds()
    {
        using var m = TestMachines.Small();
        var p = kmalloc(4, GFP_KERNEL);
        p.WriteBytes(0, Encoding.ASCII.GetBytes("abcd"));
        var oops = Assert.Throws<KernelOops>(() => p.ReadString());
        Assert.Contains("slab-out-of-bounds in ReadString", oops.Message);
        kfree(p);
    }

    [Fact]
    public void copy_from_user_and_copy_to_user_return_the_bytes_not_copied()
    {
        using var m = TestMachines.Small();
        var p = kmalloc(8, GFP_KERNEL);
        memset(p, 0xFF, 8);
        Assert.Equal(3, copy_from_user(p, new byte[] { 1, 2, 3, 4, 5 }, 8));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 0, 0, 0 }, p.ReadBytes(0, 8));
        var user = new byte[6];
        Assert.Equal(2, copy_to_user(user, p, 8));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 0 }, user);
        Assert.Equal(0, copy_to_user(new byte[8], p, 8));
        Assert.Throws<KernelOops>(() => copy_from_user(p, new byte[9], 9));
        kfree(p);
    }

    [Fact]
    public void memdup_user_and_strndup_user_return_error_pointers_never_NULL()
    {
        using var m = TestMachines.Small();
        var dup = memdup_user(new byte[] { 9, 8, 7 }, 3);
        Assert.False(IS_ERR_OR_NULL(dup));
        Assert.Equal(new byte[] { 9, 8, 7 }, dup.ReadBytes(0, 3));
        kfree(dup);

        Assert.Equal(-EFAULT, PTR_ERR(memdup_user(new byte[2], 3)));
        Assert.Equal(-ENOMEM, PTR_ERR(memdup_user(new byte[1], KMALLOC_MAX_SIZE + 1)));

        var s = strndup_user("kmem", 16);
        Assert.Equal("kmem", s.ReadString());
        Assert.Equal(8, ksize(s));
        kfree(s);
        Assert.Equal(-EINVAL, PTR_ERR(strndup_user("too long", 4)));
        Assert.Equal(-EFAULT, PTR_ERR(strndup_user(null!, 4)));
        Assert.Empty(m.LiveAllocations());
    }
}
