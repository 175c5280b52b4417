using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>
/// The rule page's example (its first ```csharp block) raises the rule, and the fixed example (the
/// second) does not. The pages of these rules show exactly these two blocks, extracted as in <see cref="RulePageTests"/>.
/// </summary>
public sealed class RulePageExampleTests
{
    private static readonly Regex CSharpBlock = new("```csharp\\r?\\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("KMEM010")]
    [InlineData("KMEM011")]
    [InlineData("KMEM012")]
    [InlineData("KMEM013")]
    [InlineData("KMEM014")]
    [InlineData("KMEM015")]
    public async Task BadExampleRaisesTheRuleAndFixedExampleDoesNot(string id)
    {
        string page = File.ReadAllText(RepositoryLayout.RulePage(id));
        string[] examples = CSharpBlock.Matches(page).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(examples.Length == 2, $"The page of {id} should show exactly two ```csharp blocks, the example and the fixed code; it has {examples.Length}.");

        ImmutableArray<Diagnostic> bad = await AnalyzeAsync(id, examples[0], "example");
        ImmutableArray<Diagnostic> good = await AnalyzeAsync(id, examples[1], "fixed");

        Assert.True(bad.Any(d => d.Id == id), $"The example on the page of {id} does not raise {id}; it raises:\n{DiagnosticListing.Describe(bad)}");
        Diagnostic[] left = good.Where(d => d.Id == id).ToArray();
        Assert.True(left.Length == 0, $"The fixed example on the page of {id} still raises {id}:\n{DiagnosticListing.Describe(left)}");
    }

    /// <summary>The diagnostics (and analyzer exceptions, which fail the test) of the analyzers that report <paramref name="id"/>.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string id, string source, string name)
    {
        var sources = new[] { new SourceFile($"{id}-{name}.cs", source), new SourceFile("KmemGlobalUsings.cs", KmemGlobalUsings.Source) };
        CSharpCompilation compilation = await KmemCompilationFactory.CreateAsync($"{id}Page{name}", sources, withKmemRuntime: true);
        ImmutableArray<DiagnosticAnalyzer> analyzers = KmemComponents.CreateAnalyzers()
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id == id))
            .ToImmutableArray();
        Assert.False(analyzers.IsEmpty, $"No analyzer reports {id}.");

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, analyzers);

        Assert.True(result.CompilerErrors.IsEmpty, $"The {name} code of {id} does not compile:\n{DiagnosticListing.Describe(result.CompilerErrors)}");
        Assert.True(result.AnalyzerExceptions.IsEmpty, $"An analyzer threw on the {name} code of {id}:\n{DiagnosticListing.Describe(result.AnalyzerExceptions)}");
        return result.AnalyzerDiagnostics;
    }
}
