using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules;

/// <summary>KMEM010-015 stay silent on the seed module and on the shared corpus (which expects only KMEM001-005).</summary>
public sealed class QuietOnCleanCodeTests
{
    private const string CorpusDirectory = "/work/shared/corpus";

    private static readonly ImmutableArray<DiagnosticAnalyzer> analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new BadSizeOrOrderAnalyzer(), new BadGfpFlagsAnalyzer(), new OpenCodedMultiplicationAnalyzer(),
        new ZeroingAllocatorAnalyzer(), new NullTestBeforeFreeAnalyzer(), new OpenCodedKvmallocAnalyzer());

    public static IEnumerable<object[]> CorpusFiles() =>
        Directory.Exists(CorpusDirectory)
            ? Directory.GetFiles(CorpusDirectory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) })
            : new[] { new object[] { string.Empty } };

    [Fact]
    public async Task Seed_module_raises_none_of_these_rules() =>
        Assert.Empty(await DiagnosticsOf(SeedModule.Source));

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Corpus_file_raises_none_of_these_rules(string file)
    {
        if (file.Length == 0)
            return;
        Assert.Empty(await DiagnosticsOf(File.ReadAllText(Path.Combine(CorpusDirectory, file))));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsOf(string source)
    {
        var references = (await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "kmem-net8", "Kmem.Runtime.dll")));
        var compilation = CSharpCompilation.Create("Clean", new[] { CSharpSyntaxTree.ParseText(source) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }
}
