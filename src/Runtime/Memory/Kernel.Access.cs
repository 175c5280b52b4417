using System;
using System.Text;

namespace Kmem;

public static partial class Kernel
{
    /// <summary>Fills <paramref name="n"/> bytes at <paramref name="s"/> with <paramref name="c"/>.</summary>
    public static KPtr memset([Dereferences] KPtr s, int c, long n)
    {
        Machine.Current.Memory.Access.Fill(s.Value, n, (byte)c, nameof(memset));
        return s;
    }

    /// <summary>Copies <paramref name="n"/> bytes; the ranges must not overlap.</summary>
    public static KPtr memcpy([Dereferences] KPtr dst, [Dereferences] KPtr src, long n) => Copy(dst, src, n, nameof(memcpy));

    /// <summary>Copies <paramref name="n"/> bytes; the ranges may overlap.</summary>
    public static KPtr memmove([Dereferences] KPtr dst, [Dereferences] KPtr src, long n) => Copy(dst, src, n, nameof(memmove));

    /// <summary>Compares <paramref name="n"/> bytes.</summary>
    public static int memcmp([Dereferences] KPtr a, [Dereferences] KPtr b, long n)
    {
        var access = Machine.Current.Memory.Access;
        var left = access.ReadArray(a.Value, n, nameof(memcmp));
        var right = access.ReadArray(b.Value, n, nameof(memcmp));
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
                return left[i] - right[i];
        }
        return 0;
    }

    /// <summary>Copies from user memory; returns the number of bytes not copied. May sleep.</summary>
    [MightSleep]
    public static long copy_from_user([Dereferences] KPtr to, byte[] from, long n)
    {
        var m = Machine.Current;
        m.MightSleep(nameof(copy_from_user));
        if (n <= 0)
            return 0;
        // The kernel buffer must hold all n bytes; a short user buffer faults part way and the rest is zeroed.
        m.Memory.Access.Check(to.Value, n, write: true, nameof(copy_from_user));
        long available = Math.Min(n, from?.LongLength ?? 0);
        var data = new byte[n];
        if (available > 0)
            Array.Copy(from!, data, available);
        m.Memory.Access.Write(to.Value, data, nameof(copy_from_user));
        return n - available;
    }

    /// <summary>Copies to user memory; returns the number of bytes not copied. May sleep.</summary>
    [MightSleep]
    public static long copy_to_user(byte[] to, [Dereferences] KPtr from, long n)
    {
        var m = Machine.Current;
        m.MightSleep(nameof(copy_to_user));
        if (n <= 0)
            return 0;
        var data = m.Memory.Access.ReadArray(from.Value, n, nameof(copy_to_user));
        long copied = Math.Min(n, to?.LongLength ?? 0);
        if (copied > 0)
            Array.Copy(data, to!, copied);
        return n - copied;
    }

    /// <summary>Copies <paramref name="len"/> bytes of user memory into new kmalloc memory; an error pointer on failure, never NULL.</summary>
    [Allocates(MemoryFamily.Kmalloc, FailsWith = FailureKind.ErrPtr)]
    [MightSleep]
    public static KPtr memdup_user(byte[] src, [AllocSize] long len) => DuplicateUser(src, len, nameof(memdup_user));

    /// <summary>Copies a user string of at most <paramref name="n"/> bytes into new kmalloc memory; an error pointer on failure, never NULL.</summary>
    [Allocates(MemoryFamily.Kmalloc, FailsWith = FailureKind.ErrPtr)]
    [MightSleep]
    public static KPtr strndup_user(string s, long n)
    {
        if (s == null)
            return ERR_PTR(-EFAULT);
        var bytes = Encoding.UTF8.GetBytes(s + "\0");
        if (bytes.LongLength > n)
            return ERR_PTR(-EINVAL);
        return DuplicateUser(bytes, bytes.LongLength, nameof(strndup_user));
    }

    private static KPtr Copy(KPtr dst, KPtr src, long n, string function)
    {
        var access = Machine.Current.Memory.Access;
        if (n > 0)
        {
            access.Check(dst.Value, n, write: true, function);
            access.Write(dst.Value, access.ReadArray(src.Value, n, function), function);
        }
        return dst;
    }

    private static KPtr DuplicateUser(byte[] src, long len, string function)
    {
        var m = Machine.Current;
        m.MightSleep(function);
        if (src == null || len < 0)
            return ERR_PTR(-EFAULT);
        var p = new KPtr(m.Memory.Kmalloc.Allocate(len, GFP_USER | __GFP_NOWARN, MemoryFamily.Kmalloc, function));
        if (!p)
            return ERR_PTR(-ENOMEM);
        if (len > src.LongLength)
        {
            m.Memory.Kmalloc.Free(p.Value, MemoryFamily.Kmalloc, function);
            return ERR_PTR(-EFAULT);
        }
        if (len > 0)
            m.Memory.Access.Write(p.Value, src.AsSpan(0, (int)len), function);
        return p;
    }
}
