using System;
using System.Buffers.Binary;

namespace Kmem;

public readonly partial struct KPtr
{
    /// <summary>The bytes a pointer takes in memory (<see cref="ReadPtr"/>, <see cref="WritePtr"/>): 8, so error pointers survive the round trip.</summary>
    public const int SizeInMemory = 8;

    private static MemoryAccess Memory => Machine.Current.Memory.Access;

    /// <summary>The byte at <c>p[index]</c>, checked against the allocation it falls in.</summary>
    [Dereferences]
    public byte this[long index]
    {
        get => ReadByte(index);
        set => WriteByte(index, value);
    }

    /// <summary>Reads the byte at <paramref name="offset"/>.</summary>
    [Dereferences]
    public byte ReadByte(long offset = 0)
    {
        Span<byte> bytes = stackalloc byte[1];
        Memory.Read(At(offset), bytes, nameof(ReadByte));
        return bytes[0];
    }

    /// <summary>Writes a byte at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteByte(long offset, byte value) => Memory.Write(At(offset), stackalloc byte[] { value }, nameof(WriteByte));

    /// <summary>Reads a little-endian 16-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public short ReadInt16(long offset = 0)
    {
        Span<byte> bytes = stackalloc byte[2];
        Memory.Read(At(offset), bytes, nameof(ReadInt16));
        return BinaryPrimitives.ReadInt16LittleEndian(bytes);
    }

    /// <summary>Writes a little-endian 16-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteInt16(long offset, short value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteInt16LittleEndian(bytes, value);
        Memory.Write(At(offset), bytes, nameof(WriteInt16));
    }

    /// <summary>Reads a little-endian 32-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public int ReadInt32(long offset = 0)
    {
        Span<byte> bytes = stackalloc byte[4];
        Memory.Read(At(offset), bytes, nameof(ReadInt32));
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <summary>Writes a little-endian 32-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteInt32(long offset, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Memory.Write(At(offset), bytes, nameof(WriteInt32));
    }

    /// <summary>Reads a little-endian 64-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public long ReadInt64(long offset = 0)
    {
        Span<byte> bytes = stackalloc byte[8];
        Memory.Read(At(offset), bytes, nameof(ReadInt64));
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    /// <summary>Writes a little-endian 64-bit value at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteInt64(long offset, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        Memory.Write(At(offset), bytes, nameof(WriteInt64));
    }

    /// <summary>Reads a pointer stored at <paramref name="offset"/>.</summary>
    [Dereferences]
    public KPtr ReadPtr(long offset = 0)
    {
        Span<byte> bytes = stackalloc byte[SizeInMemory];
        Memory.Read(At(offset), bytes, nameof(ReadPtr));
        return new KPtr(BinaryPrimitives.ReadUInt64LittleEndian(bytes));
    }

    /// <summary>Stores a pointer at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WritePtr(long offset, KPtr value)
    {
        Span<byte> bytes = stackalloc byte[SizeInMemory];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value.Value);
        Memory.Write(At(offset), bytes, nameof(WritePtr));
    }

    /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> out into a new array.</summary>
    [Dereferences]
    public byte[] ReadBytes(long offset, int count) => Memory.ReadArray(At(offset), count, nameof(ReadBytes));

    /// <summary>Copies <paramref name="data"/> in at <paramref name="offset"/>.</summary>
    [Dereferences]
    public void WriteBytes(long offset, ReadOnlySpan<byte> data) => Memory.Write(At(offset), data, nameof(WriteBytes));

    /// <summary>Reads a NUL-terminated string at <paramref name="offset"/>.</summary>
    [Dereferences]
    public string ReadString(long offset = 0) => Memory.ReadString(At(offset), nameof(ReadString));

    private ulong At(long offset) => unchecked(Value + (ulong)offset);
}
