using System;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

public class AllocatorPropertyTests
{
    private const int OperationsPerRun = 1000;
    private const int Runs = 110;

    [Fact]
    public void Random_allocation_sequences_keep_every_invariant_and_restore_the_initial_state()
    {
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1 << 20]).Array[OperationsPerRun].Sample(operations =>
        {
            using var m = TestMachines.Small(debug: TestMachines.WithoutKasan);
            string initialBuddy = m.BuddyInfo();
            var cache = kmem_cache_create("prop", 72, 0, default, null)!;
            var model = new AllocationModel(cache);
            foreach (var (op, arg) in operations)
                model.Step(op, arg);
            model.FreeAll();

            Assert.All(m.SlabCaches(), c => Assert.Equal(c.Name == "kmem_cache" ? 1 : 0, c.ActiveObjects));
            kmem_cache_destroy(cache);
            Assert.Empty(m.LiveAllocations());
            Assert.All(m.SlabCaches(), c => Assert.Equal(0, c.TotalSlabs));
            Assert.Equal(initialBuddy, m.BuddyInfo());
            Assert.Equal(m.TotalPages, m.FreePages);
        }, iter: Runs);
    }

    [Fact]
    public void Threads_allocating_and_freeing_at_once_never_share_memory()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromSeconds(30), debug: TestMachines.WithoutKasan);
        string initialBuddy = m.BuddyInfo();
        var cache = kmem_cache_create("shared", 56, 0, default, null)!;
        const int threads = 4;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
        {
            var random = new Random(worker);
            var model = new AllocationModel(cache);
            for (int i = 0; i < 5000; i++)
                model.Step(random.Next(7), random.Next(1 << 20));
            model.FreeAll();
        });
        kmem_cache_destroy(cache);
        Assert.Empty(m.LiveAllocations());
        Assert.Equal(initialBuddy, m.BuddyInfo());
        Assert.All(m.SlabCaches(), c => Assert.Equal(0, c.ActiveObjects));
    }

    [Fact]
    public void Concurrent_kmalloc_and_kfree_balance_the_slab_accounting()
    {
        using var m = TestMachines.Small(reclaimTimeout: TimeSpan.FromSeconds(30), debug: TestMachines.WithoutKasan);
        Parallel.For(0, 8, worker =>
        {
            var mine = Enumerable.Range(0, 2000).Select(i => kmalloc(8 + (i % 300), GFP_KERNEL)).ToList();
            foreach (var p in mine)
                p.WriteInt32(0, worker);
            Assert.All(mine, p => Assert.Equal(worker, p.ReadInt32()));
            foreach (var p in mine)
                kfree(p);
        });
        Assert.All(m.SlabCaches(), c => Assert.Equal((0L, 0L), (c.ActiveObjects, c.TotalSlabs)));
        Assert.Equal(m.TotalPages, m.FreePages);
    }
}
