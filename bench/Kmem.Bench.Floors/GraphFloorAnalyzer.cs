using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Bench.Floors;

/// <summary>
/// The floor of the KMEM flow rules' design: builds a control flow graph for every method body with a call (the
/// bodies the flow rules analyse) and keeps it while the driver holds the compilation's actions, as their session
/// does, and nothing more.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GraphFloorAnalyzer : FloorAnalyzer
{
    public GraphFloorAnalyzer()
        : base("GRAPHFLOOR")
    {
    }

    private protected override void Register(AnalysisContext context) =>
        context.RegisterCompilationStartAction(start =>
        {
            var kept = new ConcurrentBag<ControlFlowGraph>();
            start.RegisterOperationBlockAction(block =>
            {
                foreach (var operation in block.OperationBlocks)
                {
                    var root = operation;
                    while (root.Parent is { } parent)
                        root = parent;
                    if (root is IMethodBodyOperation body && body.Syntax.DescendantNodes().OfType<InvocationExpressionSyntax>().Any())
                        kept.Add(ControlFlowGraph.Create(body, block.CancellationToken));
                }
            });
        });
}
