// Part of bench/csc-probe.sh: copied into a scratch worktree of the analyzers, never built into the shipped assembly.
#pragma warning disable RS1012 // A decorator: the wrapped context registers what the rule asks for.
using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>A rule's compilation-start context whose operation block actions run inside a probe category named after the rule.</summary>
internal sealed class ProbingContext : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext inner;
    private readonly string rule;

    public ProbingContext(CompilationStartAnalysisContext inner, string rule)
        : base(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        this.inner = inner;
        this.rule = rule;
    }

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
        inner.RegisterOperationBlockAction(block =>
        {
            using var scope = Probe.Enter(rule);
            action(block);
        });

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(action);

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(action);

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(action, symbolKinds);

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => inner.RegisterCodeBlockStartAction(action);

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(action);

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(action);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => inner.RegisterSyntaxNodeAction(action, syntaxKinds);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => inner.RegisterOperationBlockStartAction(action);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(action, operationKinds);
}
