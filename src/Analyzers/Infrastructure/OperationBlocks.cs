using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>What the driver hands an operation block action.</summary>
internal static class OperationBlocks
{
    /// <summary>Whether a block is a method's body (not a parameter default, an attribute argument or an initializer).</summary>
    public static bool IsMethodBody(IOperation block)
    {
        var root = block;
        while (root.Parent is { } parent)
            root = parent;
        return root is IMethodBodyOperation;
    }
}
