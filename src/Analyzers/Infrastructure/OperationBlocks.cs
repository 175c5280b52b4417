using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>What the driver hands an operation block action.</summary>
internal static class OperationBlocks
{
    /// <summary>The method body a block belongs to; null when it is a parameter default, an attribute argument or an initializer.</summary>
    public static IMethodBodyOperation? MethodBody(IOperation block)
    {
        var root = block;
        while (root.Parent is { } parent)
            root = parent;
        return root as IMethodBodyOperation;
    }

    /// <summary>
    /// The graph of a body, built directly rather than through the block context: the session keeps each body's graph
    /// for every rule, and a block context that has built one makes the driver look its cache over, under all of the
    /// cache's locks, after every block of the compilation.
    /// </summary>
    public static ControlFlowGraph Graph(IMethodBodyOperation body, CancellationToken cancellationToken) =>
        ControlFlowGraph.Create(body, cancellationToken);
}
