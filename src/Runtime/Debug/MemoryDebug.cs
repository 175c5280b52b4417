using System.Diagnostics;

namespace Kmem;

/// <summary>
/// The memory side of a machine's <see cref="DebugOptions"/>, the one object the allocators consult:
/// KASAN's shadow and quarantine (null when KASAN is off), whether stacks are recorded, whether GFP
/// flags are checked and freed objects poisoned.
/// </summary>
internal sealed class MemoryDebug
{
    /// <summary>SLUB's POISON_FREE: the byte a freed object is filled with.</summary>
    public const byte PoisonFree = 0x6b;

    private readonly bool recordStacks;

    public MemoryDebug(DebugOptions options, long pageCount, long quarantineBytes)
    {
        Options = options;
        if ((options & DebugOptions.Kasan) != 0)
        {
            Shadow = new ShadowMemory(pageCount);
            Quarantine = new Quarantine(quarantineBytes);
        }
        recordStacks = (options & (DebugOptions.Kasan | DebugOptions.Kmemleak)) != 0;
    }

    public DebugOptions Options { get; }

    /// <summary>KASAN's shadow, or null when KASAN is off.</summary>
    public ShadowMemory? Shadow { get; }

    /// <summary>KASAN's quarantine, or null when KASAN is off.</summary>
    public Quarantine? Quarantine { get; }

    public bool ChecksGfp => (Options & DebugOptions.PageChecks) != 0;

    public bool PoisonsFreedObjects => (Options & DebugOptions.SlubDebug) != 0;

    /// <summary>The caller's stack for an allocation record, or null when neither KASAN nor kmemleak wants it.</summary>
    public StackTrace? AllocationStack() => recordStacks ? new StackTrace(1, false) : null;

    /// <summary>The caller's stack for a free record, or null when KASAN is off.</summary>
    public StackTrace? FreeStack() => Shadow is null ? null : new StackTrace(1, false);

    /// <summary>The redzone KASAN puts after an object of <paramref name="objectSize"/> bytes (the kernel's optimal_redzone), or 0 when KASAN is off.</summary>
    public long RedzoneFor(long objectSize) => Shadow is null ? 0 : objectSize switch
    {
        <= 64 => 16,
        <= 128 => 32,
        <= 512 => 64,
        <= 4096 => 128,
        _ => 256,
    };

    /// <summary>Marks <paramref name="length"/> bytes at direct-map address <paramref name="address"/>; nothing when KASAN is off.</summary>
    public void Poison(ulong address, long length, byte code)
    {
        if (Shadow is not null && length > 0)
            Shadow.Set(AddressLayout.DirectMapPfn(address), (long)(address & (AddressLayout.PageSize - 1)), length, code);
    }

    /// <summary>Makes an object of <paramref name="size"/> bytes in a slot of <paramref name="slotSize"/> bytes accessible, and the rest of the slot a redzone.</summary>
    public void Unpoison(ulong start, long size, long slotSize, byte redzone)
    {
        Poison(start, size, ShadowCode.Accessible);
        Poison(start + (ulong)size, slotSize - size, redzone);
    }
}
