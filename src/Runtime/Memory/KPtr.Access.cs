using System;

namespace Kmem;

public readonly partial struct KPtr
{
    /// <summary>The byte at <c>p[index]</c>, checked against the allocation it falls in.</summary>
    [Dereferences]
    public byte this[long index]
    {
        get => throw new NotImplementedException();
        set => throw new NotImplementedException();
    }

    /// <summary>Reads the byte at <paramref name="offset"/>.</summary>
    [Dereferences]
    public byte ReadByte(long offset = 0) => throw new NotImplementedException();

    /// <summary>Writes a byte at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteByte(long offset, byte value) => throw new NotImplementedException();

    /// <summary>Reads a little-endian 16-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public short ReadInt16(long offset = 0) => throw new NotImplementedException();

    /// <summary>Writes a little-endian 16-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteInt16(long offset, short value) => throw new NotImplementedException();

    /// <summary>Reads a little-endian 32-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public int ReadInt32(long offset = 0) => throw new NotImplementedException();

    /// <summary>Writes a little-endian 32-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteInt32(long offset, int value) => throw new NotImplementedException();

    /// <summary>Reads a little-endian 64-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public long ReadInt64(long offset = 0) => throw new NotImplementedException();

    /// <summary>Writes a little-endian 64-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteInt64(long offset, long value) => throw new NotImplementedException();

    /// <summary>Reads a pointer stored at <paramref name="offset"/>.</summary>
    [Dereferences]
    public KPtr ReadPtr(long offset = 0) => throw new NotImplementedException();

    /// <summary>Stores a pointer at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WritePtr(long offset, KPtr value) => throw new NotImplementedException();

    /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> out into a new array.</summary>
    [Dereferences]
    public byte[] ReadBytes(long offset, int count) => throw new NotImplementedException();

    /// <summary>Copies <paramref name="data"/> in at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteBytes(long offset, ReadOnlySpan<byte> data) => throw new NotImplementedException();

    /// <summary>Reads a NUL-terminated string at <paramref name="offset"/>.</summary>
    [Dereferences]
    public string ReadString(long offset = 0) => throw new NotImplementedException();
}
