using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>Runs analyzers over a compilation with <see cref="CompilationWithAnalyzers"/>; an analyzer that throws shows as AD0001.</summary>
public static class AnalyzerRunner
{
    public static async Task<AnalyzerRunResult> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        ImmutableArray<Diagnostic> compilerDiagnostics = compilation.GetDiagnostics();
        if (analyzers.IsEmpty)
            return new AnalyzerRunResult(compilerDiagnostics, ImmutableArray<Diagnostic>.Empty, ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>.Empty);

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        ImmutableArray<Diagnostic> analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var telemetry = ImmutableDictionary.CreateBuilder<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();
        foreach (DiagnosticAnalyzer analyzer in analyzers)
            telemetry[analyzer] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);

        return new AnalyzerRunResult(compilerDiagnostics, analyzerDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray(), telemetry.ToImmutable());
    }
}
