using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Bench;

/// <summary>Compilations of generated code against the running framework and the Kmem runtime, and the KMEM analyzers to run on them.</summary>
internal static class CompilationFactory
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> references = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(KPtr).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static CSharpCompilation Create(IEnumerable<string> sources) =>
        CSharpCompilation.Create(
            "Generated",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"file{i}.cs")),
            references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(Kmem.Analyzers.RuleIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The execution time of each analyzer as Roslyn measures it, slowest first.</summary>
    public static IEnumerable<(string Analyzer, TimeSpan Time)> ExecutionTimes(Compilation compilation)
    {
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, Options(concurrent: false, logTime: true));
        withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return Analyzers.Select(a => (a.GetType().Name, withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime))
            .OrderByDescending(t => t.ExecutionTime).ToList();
    }

    /// <summary>Runs every KMEM analyzer; throws if one of them failed.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation) => Analyze(compilation, Analyzers);

    /// <summary>Runs the given analyzers; throws if one of them failed.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent = false)
    {
        var result = compilation.WithAnalyzers(analyzers, Options(concurrent, logTime: false)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var failure = result.FirstOrDefault(d => d.Id == "AD0001");
        return failure is null ? result : throw new InvalidOperationException(failure.ToString());
    }

    /// <summary>Analyzer options without additional files; <paramref name="logTime"/> makes Roslyn measure each analyzer's execution time.</summary>
    public static CompilationWithAnalyzersOptions Options(bool concurrent, bool logTime) =>
        new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: logTime);
}
