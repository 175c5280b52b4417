using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>Counts what an analyzer registered, from its telemetry.</summary>
public static class AnalyzerActions
{
    /// <summary>Every action the analyzer registered except its compilation-start actions.</summary>
    public static int CountBeyondCompilationStart(AnalyzerTelemetryInfo info) =>
        info.CompilationEndActionsCount + info.CompilationActionsCount
        + info.SyntaxTreeActionsCount + info.AdditionalFileActionsCount + info.SemanticModelActionsCount
        + info.SymbolActionsCount + info.SymbolStartActionsCount + info.SymbolEndActionsCount
        + info.SyntaxNodeActionsCount
        + info.CodeBlockStartActionsCount + info.CodeBlockEndActionsCount + info.CodeBlockActionsCount
        + info.OperationActionsCount + info.OperationBlockStartActionsCount + info.OperationBlockEndActionsCount + info.OperationBlockActionsCount
        + info.SuppressionActionsCount;
}
