using System;

namespace Kmem;

/// <summary>
/// The kernel's run-time debugging facilities a <see cref="Machine"/> runs with
/// (<see cref="MachineOptions.Debug"/>). Each report they make names the KMEM rule that finds the same
/// mistake statically. Bad frees and faults are caught even with <see cref="None"/>, since the
/// simulated allocators must stay intact, but nothing extra is recorded or checked.
/// </summary>
[Flags]
public enum DebugOptions
{
    /// <summary>No debugging: allocation and access do no extra work.</summary>
    None = 0,
    /// <summary>CONFIG_DEBUG_ATOMIC_SLEEP: <c>might_sleep</c> reports sleeping in atomic context (KMEM001).</summary>
    SleepChecks = 1,
    /// <summary>KASAN: shadow memory, redzones around slab objects and vmalloc areas, a quarantine of freed objects, allocation and free stacks; every access is checked.</summary>
    Kasan = 2,
    /// <summary>kmemleak: allocation stacks are recorded and <see cref="Machine.ScanLeaks"/> (and every module unload) finds unreferenced allocations.</summary>
    Kmemleak = 4,
    /// <summary>The page allocator's and kmalloc's checks of their arguments: GFP flags they do not accept (KMEM011).</summary>
    PageChecks = 8,
    /// <summary>SLUB debugging: freed slab objects are poisoned with <c>POISON_FREE</c> (0x6b) so that a late read sees the pattern.</summary>
    SlubDebug = 16,
    /// <summary>Every facility (the default).</summary>
    All = SleepChecks | Kasan | Kmemleak | PageChecks | SlubDebug,
}
