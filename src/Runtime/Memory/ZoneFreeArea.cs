using System.Collections.Generic;

namespace Kmem;

/// <summary>One line of <see cref="Machine.BuddyInfo"/>: the free blocks of a zone, by order.</summary>
/// <param name="Zone">The zone's name: <c>DMA</c>, <c>Normal</c> or <c>HighMem</c>.</param>
/// <param name="FreeBlocks">The number of free blocks of each order, 0 to <see cref="Kernel.MAX_PAGE_ORDER"/>.</param>
/// <param name="FreePages">The number of free pages in the zone.</param>
/// <param name="TotalPages">The number of pages in the zone.</param>
public sealed record ZoneFreeArea(string Zone, IReadOnlyList<long> FreeBlocks, long FreePages, long TotalPages);
