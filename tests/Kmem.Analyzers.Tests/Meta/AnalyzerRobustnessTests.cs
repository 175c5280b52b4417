using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Corpus;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>
/// Every analyzer of Kmem.Analyzers is exported for C#, never throws on valid driver code, and stays
/// silent on code that does not use Kmem; without the Kmem runtime it registers nothing at all.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    [Fact]
    public void EveryAnalyzerIsExportedForCSharp()
    {
        string[] notExported = KmemComponents.AnalyzerTypes
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) != true)
            .Select(t => t.Name)
            .ToArray();

        Assert.True(notExported.Length == 0, "Not exported with [DiagnosticAnalyzer(LanguageNames.CSharp)]: " + string.Join(", ", notExported));
    }

    [Fact]
    public async Task ValidDriverCodeRaisesNoExceptionAndPlainCodeNothing()
    {
        IEnumerable<SourceFile> sources = CorpusDirectory.OkFiles.Select(f => f.Source).Concat(PlainSources.All);

        AnalyzerRunResult result = await AnalyzeAsync(sources, withKmemRuntime: true);

        Assert.True(result.AnalyzerExceptions.IsEmpty, "An analyzer threw:\n" + DiagnosticListing.Describe(result.AnalyzerExceptions));
        Diagnostic[] onPlainCode = result.AnalyzerDiagnostics.Where(d => IsInPlainSource(d.Location)).ToArray();
        Assert.True(onPlainCode.Length == 0, "Reported on code that does not use Kmem:\n" + DiagnosticListing.Describe(onPlainCode));
    }

    [Fact]
    public async Task EmptySourceRaisesNothing()
    {
        AnalyzerRunResult result = await AnalyzeAsync(new[] { new SourceFile("Empty.cs", "") }, withKmemRuntime: true);

        Assert.True(result.AnalyzerDiagnostics.IsEmpty, "Reported on an empty file:\n" + DiagnosticListing.Describe(result.AnalyzerDiagnostics));
    }

    [Fact]
    public async Task WithoutTheKmemRuntimeAnalyzersRegisterAndReportNothing()
    {
        IEnumerable<SourceFile> sources = PlainSources.All.Append(new SourceFile("Empty.cs", ""));

        AnalyzerRunResult result = await AnalyzeAsync(sources, withKmemRuntime: false);

        Assert.True(result.AnalyzerDiagnostics.IsEmpty, "Reported without the Kmem runtime:\n" + DiagnosticListing.Describe(result.AnalyzerDiagnostics));
        string[] registering = result.Telemetry
            .Where(entry => AnalyzerActions.CountBeyondCompilationStart(entry.Value) > 0)
            .Select(entry => entry.Key.GetType().Name)
            .ToArray();
        Assert.True(registering.Length == 0, "Registered actions without the Kmem runtime: " + string.Join(", ", registering));
    }

    private static async Task<AnalyzerRunResult> AnalyzeAsync(IEnumerable<SourceFile> sources, bool withKmemRuntime)
    {
        CSharpCompilation compilation = await KmemCompilationFactory.CreateAsync("Robustness", sources, withKmemRuntime);
        ImmutableArray<DiagnosticAnalyzer> analyzers = KmemComponents.CreateAnalyzers();

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, analyzers);

        Assert.True(result.CompilerErrors.IsEmpty, "The sources do not compile:\n" + DiagnosticListing.Describe(result.CompilerErrors));
        return result;
    }

    private static bool IsInPlainSource(Location location) =>
        location.IsInSource && PlainSources.All.Any(s => s.Path == location.SourceTree!.FilePath);
}
