using System;

namespace Kmem;

public sealed partial class MachineOptions
{
    /// <summary>
    /// How long an allocation that may sleep (<c>__GFP_DIRECT_RECLAIM</c>, as in <c>GFP_KERNEL</c>) waits for
    /// other threads to free memory before it gives up with the out-of-memory report; 2 seconds unless set.
    /// </summary>
    public TimeSpan ReclaimTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether a double free, an invalid free or a bad page state throws <see cref="KernelOops"/> after it is
    /// reported (true, the default), or is only reported and ignored. Either way the allocators stay intact.
    /// </summary>
    public bool OopsOnBadFree { get; set; } = true;
}
