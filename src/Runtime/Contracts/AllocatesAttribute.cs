using System;

namespace Kmem;

/// <summary>
/// Contract: the method returns newly allocated memory of <see cref="Family"/>, which the caller
/// owns and must release with a function of the same family. Put it on your own wrappers to make
/// the analyzers treat them like the runtime's allocators.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllocatesAttribute : Attribute
{
    /// <summary>Declares an allocator of <paramref name="family"/>.</summary>
    public AllocatesAttribute(MemoryFamily family) => Family = family;

    /// <summary>The family of the returned memory.</summary>
    public MemoryFamily Family { get; }

    /// <summary>How the method reports failure; NULL unless said otherwise.</summary>
    public FailureKind FailsWith { get; set; } = FailureKind.Null;

    /// <summary>The page order of the allocation when no parameter carries <see cref="OrderAttribute"/>; -1 when orders do not apply.</summary>
    public int FixedOrder { get; set; } = -1;

    /// <summary>Whether the returned memory is zeroed.</summary>
    public bool Zeroes { get; set; }

    /// <summary>The largest size the allocator can satisfy in bytes; 0 for no stated limit.</summary>
    public long MaxSize { get; set; }

    /// <summary>The name of the allocator that does the same but zeroes (<c>kmalloc</c> -> <c>kzalloc</c>).</summary>
    public string? ZeroingVariant { get; set; }

    /// <summary>The name of the allocator that takes a count and an element size and checks their product for overflow (<c>kmalloc</c> -> <c>kmalloc_array</c>).</summary>
    public string? ArrayVariant { get; set; }

    /// <summary>The name of the allocator to use for sizes above <see cref="MaxSize"/> (<c>kmalloc</c> -> <c>kvmalloc</c>).</summary>
    public string? LargeVariant { get; set; }
}
