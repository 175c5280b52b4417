using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// What one thread of the driver keeps of the operation block it was handed last: the block's calls and its method
/// body's graph. The driver hands one declaration's blocks to every analyzer in turn on the same thread, so the rules
/// after the first find both here; nothing else keeps them, so a body's graph (and, through its operations, the
/// semantic model of its whole tree) is garbage once the thread keeps the graph of another body.
/// </summary>
internal sealed class HandedBlock
{
    /// <summary>The blocks <see cref="Calls"/> were walked from.</summary>
    public ImmutableArray<IOperation> Blocks { get; private set; }

    public BlockCalls? Calls { get; private set; }

    /// <summary>The method whose body's graph <see cref="Graph"/> is.</summary>
    public IMethodSymbol? Method { get; private set; }

    public ControlFlowGraph? Graph { get; private set; }

    public void Keep(ImmutableArray<IOperation> blocks, BlockCalls calls)
    {
        Blocks = blocks;
        Calls = calls;
    }

    public void Keep(IMethodSymbol method, ControlFlowGraph graph)
    {
        Method = method;
        Graph = graph;
    }
}
