namespace Kmem;

/// <summary>How an allocating function reports failure.</summary>
public enum FailureKind
{
    /// <summary>It returns NULL (<c>KPtr.Null</c>, 0 for an address, <c>null</c> for an object).</summary>
    Null = 0,
    /// <summary>It returns an error pointer made by <c>ERR_PTR</c>, never NULL.</summary>
    ErrPtr = 1,
    /// <summary>It cannot fail.</summary>
    Never = 2,
}
