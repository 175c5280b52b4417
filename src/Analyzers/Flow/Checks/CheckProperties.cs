namespace Kmem.Analyzers.Flow.Checks;

/// <summary>The diagnostic properties through which the failure-test rules hand their repair to the code fixes.</summary>
internal static class CheckProperties
{
    /// <summary>The test that is true on failure, written for the allocator's convention.</summary>
    public const string Test = "Kmem.Test";
    /// <summary>The test that is false on failure.</summary>
    public const string Untest = "Kmem.Untest";
    /// <summary>The errno the failure branch should give.</summary>
    public const string Errno = "Kmem.Errno";
    /// <summary>What the test tests, as written (the argument of the <c>PTR_ERR</c> to replace).</summary>
    public const string Pointer = "Kmem.Pointer";
    /// <summary>The convention the fix turns the test into: <see cref="ToNull"/> or <see cref="ToErrPtr"/>.</summary>
    public const string Direction = "Kmem.Direction";
    public const string ToNull = "null";
    public const string ToErrPtr = "errptr";
    /// <summary>A whole statement to insert (after the additional location for KMEM006, before it for KMEM009).</summary>
    public const string Statement = "Kmem.Statement";
}
