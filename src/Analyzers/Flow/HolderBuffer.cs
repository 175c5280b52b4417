using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The holders of the state being transferred: a builder is made
/// only on the first write, so that the many operations and edges that change no holder allocate nothing.
/// </summary>
internal sealed class HolderBuffer
{
    private ImmutableDictionary<Holder, ulong> loaded = ImmutableDictionary<Holder, ulong>.Empty;
    private ImmutableDictionary<Holder, ulong>.Builder? written;

    [MethodImpl(Jit.Optimized)]
    public void Load(ImmutableDictionary<Holder, ulong> holders)
    {
        loaded = holders;
        written = null;
    }

    /// <summary>The sites a holder may hold.</summary>
    public ulong this[Holder holder]
    {
        get => (written is null ? loaded.TryGetValue(holder, out var mask) : written.TryGetValue(holder, out mask)) ? mask : 0;
        set
        {
            if (written is null)
            {
                if (loaded.TryGetValue(holder, out var old) && old == value)
                    return;
                written = loaded.ToBuilder();
            }
            written[holder] = value;
        }
    }

    [MethodImpl(Jit.Optimized)]
    public void Remove(Holder holder)
    {
        if (written is null)
        {
            if (!loaded.ContainsKey(holder))
                return;
            written = loaded.ToBuilder();
        }
        written.Remove(holder);
    }

    /// <summary>The current holders; the same dictionary as loaded (or last stored) when nothing was written since.</summary>
    [MethodImpl(Jit.Optimized)]
    public ImmutableDictionary<Holder, ulong> ToImmutable()
    {
        if (written is not null)
        {
            loaded = written.ToImmutable();
            written = null;
        }
        return loaded;
    }
}
