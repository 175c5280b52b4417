using System;

namespace Kmem;

/// <summary>
/// A kernel virtual address (<c>void *</c>). NULL is <see cref="Null"/>; <c>!p</c> is true for NULL.
/// Reads and writes through it are checked against the allocation the address falls in.
/// </summary>
public readonly partial struct KPtr : IEquatable<KPtr>
{
    /// <summary>The address as a number.</summary>
    public readonly ulong Value;

    /// <summary>Makes a pointer from an address.</summary>
    public KPtr(ulong value) => Value = value;

    /// <summary>The NULL pointer.</summary>
    [NullPointer]
    public static readonly KPtr Null = default;

    /// <summary>True for NULL, as <c>!p</c> in C.</summary>
    [NullTest]
    public static bool operator !(KPtr p) => p.Value == 0;

    /// <summary>Address equality.</summary>
    public static bool operator ==(KPtr a, KPtr b) => a.Value == b.Value;

    /// <summary>Address inequality.</summary>
    public static bool operator !=(KPtr a, KPtr b) => a.Value != b.Value;

    /// <summary>The address as <c>unsigned long</c>.</summary>
    public static explicit operator ulong(KPtr p) => p.Value;

    /// <summary>A pointer from an <c>unsigned long</c> address.</summary>
    public static explicit operator KPtr(ulong address) => new(address);

    /// <summary>Pointer arithmetic in bytes.</summary>
    public static KPtr operator +(KPtr p, long offset) => new(unchecked(p.Value + (ulong)offset));

    /// <summary>Pointer arithmetic in bytes.</summary>
    public static KPtr operator -(KPtr p, long offset) => new(unchecked(p.Value - (ulong)offset));

    /// <summary>The distance in bytes between two pointers.</summary>
    public static long operator -(KPtr a, KPtr b) => unchecked((long)(a.Value - b.Value));

    /// <inheritdoc/>
    public bool Equals(KPtr other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KPtr other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The address in hex, <c>0x…</c>.</summary>
    public override string ToString() => "0x" + Value.ToString("x8");
}
