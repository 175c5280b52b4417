using Xunit;

namespace Kmem.Tests.Memory;

public class BuddyAllocatorTests
{
    [Fact]
    public void A_fresh_zone_is_cut_into_the_largest_aligned_blocks()
    {
        var buddy = new BuddyAllocator(0, 4096 + 3);
        var blocks = buddy.FreeBlocksPerOrder();
        Assert.Equal(4, blocks[Kernel.MAX_PAGE_ORDER]);
        Assert.Equal(1, blocks[1]);
        Assert.Equal(1, blocks[0]);
        Assert.Equal(4099, buddy.FreePages);
    }

    [Fact]
    public void Allocation_splits_and_freeing_merges_back()
    {
        var buddy = new BuddyAllocator(1024, 1024);
        long a = buddy.Allocate(0);
        long b = buddy.Allocate(0);
        Assert.Equal(1024, a);
        Assert.Equal(1025, b);
        var split = buddy.FreeBlocksPerOrder();
        for (int order = 1; order < Kernel.MAX_PAGE_ORDER; order++)
            Assert.Equal(1, split[order]);
        Assert.Equal(0, split[Kernel.MAX_PAGE_ORDER]);

        buddy.Free(a, 0);
        buddy.Free(b, 0);
        Assert.Equal(1, buddy.FreeBlocksPerOrder()[Kernel.MAX_PAGE_ORDER]);
        Assert.Equal(1024, buddy.FreePages);
    }

    [Fact]
    public void Blocks_are_aligned_on_their_size_and_the_zone_can_run_dry()
    {
        var buddy = new BuddyAllocator(0, 64);
        long first = buddy.Allocate(3);
        long second = buddy.Allocate(4);
        Assert.Equal(0, first % 8);
        Assert.Equal(0, second % 16);
        Assert.True(buddy.IsFree(first + 8));
        Assert.False(buddy.IsFree(first));
        Assert.Equal(-1, buddy.Allocate(6));
    }
}
