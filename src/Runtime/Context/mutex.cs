namespace Kmem;

/// <summary>A sleeping lock (<c>struct mutex</c>).</summary>
public sealed partial class mutex
{
}
