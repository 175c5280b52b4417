using System;

namespace Kmem;

/// <summary>Contract: this parameter is the size in bytes of an allocation.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class AllocSizeAttribute : Attribute { }

/// <summary>Contract: this parameter is the element count of an array allocation; the size is count times <see cref="AllocSizeAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class AllocCountAttribute : Attribute { }

/// <summary>
/// Contract: this parameter is the GFP mask of an allocation. The call may sleep exactly when the
/// mask allows direct reclaim (<c>__GFP_DIRECT_RECLAIM</c>, as in <c>GFP_KERNEL</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class GfpAttribute : Attribute { }

/// <summary>Contract: this parameter is a page order (2^order pages), of an allocation or of a release.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class OrderAttribute : Attribute { }

/// <summary>Contract: this parameter is the memory that the method releases.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class FreedAttribute : Attribute { }

/// <summary>Contract: this parameter is the slab cache an object is allocated from or released to; both must be the same cache.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class SlabCacheAttribute : Attribute { }

/// <summary>Contract: this parameter is memory the method reallocates (<c>krealloc</c>): on success the old memory belongs to the result.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ReallocatedAttribute : Attribute { }

/// <summary>
/// Contract: the method reads or writes the memory this parameter points to (on a method or
/// property: the memory its receiver points to). Using NULL or released memory there is a bug.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class DereferencesAttribute : Attribute { }

/// <summary>Contract: the result points into the memory this parameter points to (<c>page_address</c>); it lives and dies with it.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class DerivedFromAttribute : Attribute { }
