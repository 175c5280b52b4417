using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>Compiles driver code against the net8.0 Kmem runtime and runs analyzers on it.</summary>
internal static class FlowCompilation
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> references = new(async () =>
    {
        var framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var runtime = MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "kmem-net8", "Kmem.Runtime.dll"));
        return framework.Add(runtime);
    });

    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = await CompileAsync(source);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzers),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, _, _) => throw exception, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    public static async Task<CSharpCompilation> CompileAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "Test0.cs");
        var compilation = CSharpCompilation.Create("Driver", new[] { tree }, await references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
            throw new InvalidOperationException("The test code does not compile: " + string.Join("; ", errors.Select(e => e.ToString())));
        return compilation;
    }
}
