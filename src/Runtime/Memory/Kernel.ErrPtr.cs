namespace Kmem;

public static partial class Kernel
{
    /// <summary>Encodes an errno (negative) as a pointer in the last page of the address space.</summary>
    [ErrPtrEncode]
    public static KPtr ERR_PTR(int err) => new(unchecked((ulong)(long)err));

    /// <summary>The errno carried by an error pointer.</summary>
    [ErrPtrDecode]
    public static int PTR_ERR(KPtr ptr) => unchecked((int)(long)ptr.Value);

    /// <summary>Whether <paramref name="ptr"/> is an error pointer.</summary>
    [ErrPtrTest]
    public static bool IS_ERR(KPtr ptr) => ptr.Value >= unchecked((ulong)-MAX_ERRNO);

    /// <summary>Whether <paramref name="ptr"/> is NULL or an error pointer.</summary>
    [ErrPtrTest(OrNull = true)]
    public static bool IS_ERR_OR_NULL(KPtr ptr) => ptr.Value == 0 || IS_ERR(ptr);
}
