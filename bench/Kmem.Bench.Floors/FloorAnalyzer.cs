#pragma warning disable RS1036, RS1041, RS2008 // Measuring instruments inside the benchmark, never shipped.
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Bench.Floors;

/// <summary>
/// A floor: reports nothing under one hidden id (which a .globalconfig can switch off), runs concurrently on
/// non-generated code as the KMEM analyzers do, and registers what <see cref="Register"/> adds.
/// </summary>
public abstract class FloorAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<DiagnosticDescriptor> never;

    private protected FloorAnalyzer(string id) =>
        never = ImmutableArray.Create(new DiagnosticDescriptor(id, "floor", "floor", "bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => never;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        Register(context);
    }

    private protected abstract void Register(AnalysisContext context);
}
