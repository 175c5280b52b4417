using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kmem.Analyzers.Tests.Corpus;

/// <summary>
/// The regression suite: every corpus file, compiled with every KMEM analyzer, compiles, raises each
/// ID of its expect line and no other KMEM ID, and no analyzer throws.
/// </summary>
public sealed class CorpusTests
{
    private const int MinimumFileCount = 40;

    public static IEnumerable<object[]> FileNames => CorpusDirectory.FileNames.Select(n => new object[] { n });

    [Fact]
    public void CorpusHasAllItsFiles()
    {
        IReadOnlyList<string> names = CorpusDirectory.FileNames;

        Assert.True(names.Count >= MinimumFileCount,
            $"The corpus at {RepositoryLayout.Corpus.FullName} has {names.Count} C# files; expected at least {MinimumFileCount}.");
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public async Task FileRaisesExactlyItsExpectedRules(string fileName)
    {
        CorpusFile file = CorpusFile.Load(fileName);
        CSharpCompilation compilation = await KmemCompilationFactory.CreateAsync("Corpus", new[] { file.Source }, withKmemRuntime: true);

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, KmemComponents.CreateAnalyzers());

        Assert.True(result.CompilerErrors.IsEmpty, $"{fileName} does not compile:\n{DiagnosticListing.Describe(result.CompilerErrors)}");
        Assert.True(result.AnalyzerExceptions.IsEmpty, $"An analyzer threw on {fileName}:\n{DiagnosticListing.Describe(result.AnalyzerExceptions)}");

        ImmutableArray<Diagnostic> reported = result.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("KMEM", System.StringComparison.Ordinal)).ToImmutableArray();
        string listing = $"expected: {(file.ExpectedIds.IsEmpty ? "none" : string.Join(" ", file.ExpectedIds))}\nreported:\n{DiagnosticListing.Describe(reported)}";

        string[] missing = file.ExpectedIds.Where(id => !reported.Any(d => d.Id == id)).ToArray();
        Assert.True(missing.Length == 0, $"{fileName} does not raise {string.Join(" ", missing)}.\n{listing}");

        Diagnostic[] unexpected = reported.Where(d => !file.ExpectedIds.Contains(d.Id)).ToArray();
        Assert.True(unexpected.Length == 0, $"{fileName} raises rules outside its expect line.\n{listing}");
    }
}
