using System;

namespace Kmem;

/// <summary>
/// Contract: the method releases the memory passed in its parameter marked <see cref="FreedAttribute"/>
/// (or its first pointer parameter), which must belong to one of <see cref="Families"/>.
/// Releasing NULL is a no-op unless <see cref="AcceptsNull"/> is false.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReleasesAttribute : Attribute
{
    /// <summary>Declares a release function for <paramref name="families"/>.</summary>
    public ReleasesAttribute(MemoryFamily families) => Families = families;

    /// <summary>The families this function may release.</summary>
    public MemoryFamily Families { get; }

    /// <summary>The page order released when no parameter carries <see cref="OrderAttribute"/>; -1 when orders do not apply.</summary>
    public int FixedOrder { get; set; } = -1;

    /// <summary>Whether passing NULL (or 0) is a harmless no-op, as for <c>kfree</c>.</summary>
    public bool AcceptsNull { get; set; } = true;
}
