#pragma warning disable RS1036, RS1041, RS2008 // A measuring instrument inside the benchmark, never shipped.
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Bench.Floors;

/// <summary>
/// The floor of the KMEM flow rules' design: builds a control flow graph for every method body with a call (the
/// bodies the flow rules analyse) and keeps it while the driver holds the compilation's actions, as their session does, and nothing more.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GraphFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("GRAPHFLOOR", "floor", "floor", "bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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
}
