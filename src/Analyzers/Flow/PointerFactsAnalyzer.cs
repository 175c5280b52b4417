using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// Base of the rules that read the pointer-state analysis: each method body's graph (and those of its
/// local functions and lambdas) is handed to the session, so it is built once, and the rule reads each
/// body's shared <see cref="PointerFacts"/>.
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
                if (OperationBlocks.MethodBody(operation) is not { } body)
                    continue;
                // The cheap filter first (its walk is shared with every rule); then a body another rule analysed already has its graph.
                var calls = BlockCalls.Of(session, block);
                if (!calls.MayHoldFacts(session, method))
                    return;
                // Facts a cross-method question computed before the driver handed the body over need no graph again,
                // unless the body's lambdas and local functions are still to be analysed (they are, from its graph).
                if (!calls.HasFunctions && session.TryGetMemo<PointerFacts>(method, out var facts))
                {
                    Report(block, session, facts, body.Syntax);
                    return;
                }
                Analyze(block, session, method, session.SharedGraph(method) ?? session.Share(method, OperationBlocks.Graph(body, block.CancellationToken)));
            }
        });

    /// <summary>Reports the rule's diagnostics for one analysed body (<paramref name="body"/> is its syntax).</summary>
    private protected abstract void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body);

    private void Analyze(OperationBlockAnalysisContext context, AnalysisSession session, IMethodSymbol method, ControlFlowGraph cfg)
    {
        var facts = PointerFacts.For(session, method);
        Report(context, session, facts, cfg.OriginalOperation.Syntax);
        foreach (var local in cfg.LocalFunctions)
            Analyze(context, session, local, session.SharedGraph(local) ?? session.Share(local, cfg.GetLocalFunctionControlFlowGraph(local, context.CancellationToken)));
        foreach (var lambda in facts.Lambdas)
            Analyze(context, session, lambda.Symbol, session.SharedGraph(lambda.Symbol) ?? session.Share(lambda.Symbol, cfg.GetAnonymousFunctionControlFlowGraph(lambda, context.CancellationToken)));
    }
}
