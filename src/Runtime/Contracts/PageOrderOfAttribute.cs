using System;

namespace Kmem;

/// <summary>
/// Contract: the method returns the smallest page order whose pages hold the size in bytes passed
/// as its only argument, as the kernel's <c>get_order</c> computes it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PageOrderOfAttribute : Attribute { }
