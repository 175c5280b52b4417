using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kmem.Analyzers.Tests.Seed;

/// <summary>
/// The seed module (samples/SeedModule/MemoryModule.cs) keeps its bugs: IS_ERR on three allocators
/// that fail with NULL. The analyzers must show exactly those three KMEM005 warnings, one per
/// allocator, and nothing else.
/// </summary>
public sealed class SeedModuleDiagnosticsTests
{
    [Fact]
    public async Task SeedShowsExactlyItsThreeWrongFailureTests()
    {
        string path = RepositoryLayout.PathOf("samples/SeedModule/MemoryModule.cs");
        var compilation = await KmemCompilationFactory.CreateAsync("Seed", new[] { new SourceFile(path, File.ReadAllText(path)) }, withKmemRuntime: true);

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, KmemComponents.CreateAnalyzers());

        Assert.True(result.CompilerErrors.IsEmpty, DiagnosticListing.Describe(result.CompilerErrors));
        Assert.True(result.AnalyzerExceptions.IsEmpty, DiagnosticListing.Describe(result.AnalyzerExceptions));
        Diagnostic[] kmem = result.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("KMEM", System.StringComparison.Ordinal)).ToArray();
        string listing = DiagnosticListing.Describe(kmem);
        Assert.True(kmem.All(d => d.Id == "KMEM005"), "only KMEM005 expected:\n" + listing);
        var lines = kmem.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l).ToArray();
        string source = File.ReadAllText(path);
        var isErrLines = source.Split('\n').Select((text, i) => (text, line: i + 1)).Where(l => l.text.Contains("IS_ERR(")).Select(l => l.line).ToArray();
        Assert.True(isErrLines.Length == 3, "the seed has three IS_ERR tests");
        Assert.True(lines.SequenceEqual(isErrLines), $"one KMEM005 at each IS_ERR test (lines {string.Join(", ", isErrLines)}):\n" + listing);
    }
}
