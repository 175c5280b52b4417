using System;

namespace Kmem;

/// <summary>Contract: the method tests whether its argument is an error pointer (<c>IS_ERR</c>); with <see cref="OrNull"/>, NULL too (<c>IS_ERR_OR_NULL</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ErrPtrTestAttribute : Attribute
{
    /// <summary>Whether NULL also makes the test true.</summary>
    public bool OrNull { get; set; }
}

/// <summary>Contract: the method extracts the errno from an error pointer (<c>PTR_ERR</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ErrPtrDecodeAttribute : Attribute { }

/// <summary>Contract: the method makes an error pointer from an errno (<c>ERR_PTR</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ErrPtrEncodeAttribute : Attribute { }

/// <summary>Contract: this field or property is the NULL pointer.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false)]
public sealed class NullPointerAttribute : Attribute { }

/// <summary>Contract: this operator tests its operand for NULL (<c>!p</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class NullTestAttribute : Attribute { }
