using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>What compiling and analysing produced: the compiler's diagnostics, the analyzers' (AD0001 included) and each analyzer's registered actions.</summary>
public sealed record AnalyzerRunResult(
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Telemetry)
{
    public const string AnalyzerExceptionId = "AD0001";

    public ImmutableArray<Diagnostic> CompilerErrors =>
        CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public ImmutableArray<Diagnostic> AnalyzerExceptions =>
        AnalyzerDiagnostics.Where(d => d.Id == AnalyzerExceptionId).ToImmutableArray();
}
