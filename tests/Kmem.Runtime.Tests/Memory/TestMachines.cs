using System;
using System.Collections.Generic;
using static Kmem.Kernel;

namespace Kmem.Tests.Memory;

/// <summary>Machines and helpers shared by the memory tests.</summary>
internal static class TestMachines
{
    public const long SmallRam = 64L << 20;

    /// <summary>
    /// Every debug facility but KASAN, for tests of the allocators' own layout and accounting: KASAN's
    /// redzones widen slab slots and its quarantine holds freed objects (and their slabs) back.
    /// </summary>
    public const DebugOptions WithoutKasan = DebugOptions.All & ~DebugOptions.Kasan;

    public static Machine Small(TimeSpan? reclaimTimeout = null, bool oopsOnBadFree = true, DebugOptions debug = DebugOptions.All) =>
        Machine.Boot(new MachineOptions
        {
            RamBytes = SmallRam,
            ReclaimTimeout = reclaimTimeout ?? TimeSpan.FromMilliseconds(100),
            OopsOnBadFree = oopsOnBadFree,
            Debug = debug,
        });

    /// <summary>A machine with highmem: 1 GiB, of which 128 MiB lie above the direct map.</summary>
    public static Machine WithHighmem() =>
        Machine.Boot(new MachineOptions { RamBytes = 1L << 30, ReclaimTimeout = TimeSpan.FromMilliseconds(100) });

    public static IReadOnlyList<string> Log(this Machine machine) => machine.Memory.Log.Lines;

    public static bool Logged(this Machine machine, string text) => machine.Memory.Log.Contains(text);

    /// <summary>Takes every free page of the lowmem zones without waiting; returns the blocks taken.</summary>
    public static List<(ulong Address, int Order)> ExhaustLowmem()
    {
        var taken = new List<(ulong, int)>();
        for (int order = MAX_PAGE_ORDER; order >= 0; order--)
        {
            ulong address;
            while ((address = __get_free_pages(GFP_ATOMIC | __GFP_NOWARN, order)) != 0)
                taken.Add((address, order));
        }
        return taken;
    }

    public static void FreeAll(List<(ulong Address, int Order)> blocks)
    {
        foreach (var (address, order) in blocks)
            free_pages(address, order);
        blocks.Clear();
    }
}
