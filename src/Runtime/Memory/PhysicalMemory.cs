using System;
using System.Threading;

namespace Kmem;

/// <summary>
/// The page frames of RAM. A frame's bytes exist only once it has been written; an untouched or
/// discarded frame reads as zeroes, so a large machine costs only what is in use.
/// </summary>
internal sealed class PhysicalMemory
{
    private readonly byte[]?[] frames;
    private readonly page?[] descriptors;

    public PhysicalMemory(long pageCount)
    {
        frames = new byte[]?[pageCount];
        descriptors = new page?[pageCount];
    }

    public long PageCount => frames.LongLength;

    /// <summary>The one descriptor of a frame, made on first use.</summary>
    public page Page(long pfn)
    {
        var existing = Volatile.Read(ref descriptors[pfn]);
        if (existing != null)
            return existing;
        var fresh = new page { Pfn = pfn };
        return Interlocked.CompareExchange(ref descriptors[pfn], fresh, null) ?? fresh;
    }

    public void Read(long pfn, int offset, Span<byte> into)
    {
        var frame = Volatile.Read(ref frames[pfn]);
        if (frame == null)
            into.Clear();
        else
            frame.AsSpan(offset, into.Length).CopyTo(into);
    }

    public void Write(long pfn, int offset, ReadOnlySpan<byte> data) => data.CopyTo(Frame(pfn).AsSpan(offset));

    public void Fill(long pfn, int offset, int length, byte value)
    {
        if (value == 0 && Volatile.Read(ref frames[pfn]) == null)
            return;
        Frame(pfn).AsSpan(offset, length).Fill(value);
    }

    /// <summary>A frame's bytes without copying; empty for a frame never written (it reads as zeroes).</summary>
    public ReadOnlySpan<byte> Bytes(long pfn) => Volatile.Read(ref frames[pfn]);

    /// <summary>Drops a frame's bytes: it reads as zeroes again and costs nothing.</summary>
    public void Discard(long pfn) => Volatile.Write(ref frames[pfn], null);

    private byte[] Frame(long pfn)
    {
        var frame = Volatile.Read(ref frames[pfn]);
        if (frame != null)
            return frame;
        var fresh = new byte[AddressLayout.PageSize];
        return Interlocked.CompareExchange(ref frames[pfn], fresh, null) ?? fresh;
    }
}
