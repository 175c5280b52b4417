using System.Threading;

namespace Kmem;

/// <summary>A sleeping lock (<c>struct mutex</c>).</summary>
public sealed partial class mutex
{
    internal SemaphoreSlim gate = new(1, 1);

    /// <summary>The managed thread id of the holder, 0 when free.</summary>
    internal volatile int owner;

    /// <summary>mutex_init: unlocked, with no waiters.</summary>
    internal void Reset()
    {
        gate = new SemaphoreSlim(1, 1);
        owner = 0;
    }
}
