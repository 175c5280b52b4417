namespace Kmem;

/// <summary>A spinlock. <c>DEFINE_SPINLOCK(x)</c> ports as <c>static readonly spinlock_t x = new();</c>.</summary>
public sealed partial class spinlock_t
{
    /// <summary>The managed thread id of the holder, 0 when free; changed only by compare-and-swap.</summary>
    internal int owner;
}
