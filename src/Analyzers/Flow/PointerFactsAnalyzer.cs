using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// Base of the rules that read the pointer-state analysis: each method body's graph is handed to
/// the session (so it is built once) and the rule reads the method's shared <see cref="PointerFacts"/>.
/// </summary>
public abstract class PointerFactsAnalyzer : KmemAnalyzer
{
    private protected sealed override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session) =>
        context.RegisterOperationBlockAction(block =>
        {
            if (block.OwningSymbol is not IMethodSymbol method)
                return;
            foreach (var operation in block.OperationBlocks)
            {
                var root = operation;
                while (root.Parent is { } parent)
                    root = parent;
                if (root is not IMethodBodyOperation)
                    continue;
                session.Remember(method, block.GetControlFlowGraph(operation));
                var facts = PointerFacts.For(session, method);
                Report(block, session, facts);
            }
        });

    /// <summary>Reports the rule's diagnostics for one analysed method.</summary>
    private protected abstract void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts);
}
