using System;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Fills <paramref name="n"/> bytes at <paramref name="s"/> with <paramref name="c"/>.</summary>
    public static KPtr memset([Dereferences] KPtr s, int c, long n) => throw new NotImplementedException();

    /// <summary>Copies <paramref name="n"/> bytes; the ranges must not overlap.</summary>
    public static KPtr memcpy([Dereferences] KPtr dst, [Dereferences] KPtr src, long n) => throw new NotImplementedException();

    /// <summary>Copies <paramref name="n"/> bytes; the ranges may overlap.</summary>
    public static KPtr memmove([Dereferences] KPtr dst, [Dereferences] KPtr src, long n) => throw new NotImplementedException();

    /// <summary>Compares <paramref name="n"/> bytes.</summary>
    public static int memcmp([Dereferences] KPtr a, [Dereferences] KPtr b, long n) => throw new NotImplementedException();

    /// <summary>Copies from user memory; returns the number of bytes not copied. May sleep.</summary>
    [MightSleep]
    public static long copy_from_user([Dereferences] KPtr to, byte[] from, long n) => throw new NotImplementedException();

    /// <summary>Copies to user memory; returns the number of bytes not copied. May sleep.</summary>
    [MightSleep]
    public static long copy_to_user(byte[] to, [Dereferences] KPtr from, long n) => throw new NotImplementedException();

    /// <summary>Copies <paramref name="len"/> bytes of user memory into new kmalloc memory; an error pointer on failure, never NULL.</summary>
    [Allocates(MemoryFamily.Kmalloc, FailsWith = FailureKind.ErrPtr)]
    [MightSleep]
    public static KPtr memdup_user(byte[] src, [AllocSize] long len) => throw new NotImplementedException();

    /// <summary>Copies a user string of at most <paramref name="n"/> bytes into new kmalloc memory; an error pointer on failure, never NULL.</summary>
    [Allocates(MemoryFamily.Kmalloc, FailsWith = FailureKind.ErrPtr)]
    [MightSleep]
    public static KPtr strndup_user(string s, long n) => throw new NotImplementedException();
}
