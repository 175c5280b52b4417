namespace Kmem;

/// <summary>A spinlock. <c>DEFINE_SPINLOCK(x)</c> ports as <c>static readonly spinlock_t x = new();</c>.</summary>
public sealed partial class spinlock_t
{
}
