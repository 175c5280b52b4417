using System;
using System.Threading;

namespace Kmem;

/// <summary>
/// KASAN's shadow: one <see cref="ShadowCode"/> per byte of every page frame. A frame whose bytes all
/// share one state keeps just that value; only frames split between states (a slab, the last page of
/// an allocation) get a byte per byte, so the shadow of a large machine costs little.
/// </summary>
internal sealed class ShadowMemory
{
    private const int PageSize = (int)AddressLayout.PageSize;

    private readonly byte[] uniform;
    private readonly byte[]?[] detail;

    public ShadowMemory(long pageCount)
    {
        uniform = new byte[pageCount];
        Array.Fill(uniform, ShadowCode.PageFree);
        detail = new byte[]?[pageCount];
    }

    /// <summary>Marks whole frames; callers own the frames (the page allocator, or the owner under its lock).</summary>
    public void SetPages(long pfn, long count, byte code)
    {
        for (long i = pfn; i < pfn + count; i++)
        {
            uniform[i] = code;
            Volatile.Write(ref detail[i], null);
        }
    }

    /// <summary>Marks <paramref name="length"/> bytes from <paramref name="offset"/> of frame <paramref name="pfn"/> onwards, across frames.</summary>
    public void Set(long pfn, long offset, long length, byte code)
    {
        pfn += offset / PageSize;
        offset %= PageSize;
        while (length > 0)
        {
            int chunk = (int)Math.Min(length, PageSize - offset);
            if (chunk == PageSize)
                SetPages(pfn, 1, code);
            else
                Bytes(pfn).AsSpan((int)offset, chunk).Fill(code);
            length -= chunk;
            pfn++;
            offset = 0;
        }
    }

    /// <summary>The first byte of [offset, offset + length) in one frame that is not accessible, or null.</summary>
    public (int Offset, byte Code)? FirstPoisoned(long pfn, int offset, int length)
    {
        var bytes = Volatile.Read(ref detail[pfn]);
        if (bytes is null)
            return uniform[pfn] == ShadowCode.Accessible ? null : (offset, uniform[pfn]);
        int bad = bytes.AsSpan(offset, length).IndexOfAnyExcept(ShadowCode.Accessible);
        return bad < 0 ? null : (offset + bad, bytes[offset + bad]);
    }

    /// <summary>The state of one byte.</summary>
    public byte At(long pfn, int offset) => Volatile.Read(ref detail[pfn]) is { } bytes ? bytes[offset] : uniform[pfn];

    private byte[] Bytes(long pfn)
    {
        var bytes = Volatile.Read(ref detail[pfn]);
        if (bytes != null)
            return bytes;
        bytes = new byte[PageSize];
        Array.Fill(bytes, uniform[pfn]);
        Volatile.Write(ref detail[pfn], bytes);
        return bytes;
    }
}
