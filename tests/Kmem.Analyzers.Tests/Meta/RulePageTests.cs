using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>Each rule page is titled after its descriptor, tells how to configure the rule, and its C# examples compile against Kmem.</summary>
public sealed class RulePageTests
{
    private static readonly Regex CSharpBlock = new("```csharp\\r?\\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Theory]
    [MemberData(nameof(RuleCatalogue.DescriptorIdData), MemberType = typeof(RuleCatalogue))]
    public void PageIsTitledAfterTheRuleAndTellsHowToConfigureIt(string id)
    {
        string page = ReadPage(id);
        string title = KmemComponents.AllDescriptors.First(d => d.Id == id).Title.ToString();

        Assert.StartsWith($"# {id}: {title}\n", page.Replace("\r\n", "\n"), System.StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page, System.StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleCatalogue.DescriptorIdData), MemberType = typeof(RuleCatalogue))]
    public async Task PageExamplesCompile(string id)
    {
        string[] examples = CSharpBlock.Matches(ReadPage(id)).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(examples.Length >= 2, $"The page of {id} should show the bad and the fixed code as ```csharp blocks.");

        var problems = new List<string>();
        for (int i = 0; i < examples.Length; i++)
        {
            var sources = new[] { new SourceFile($"{id}-example{i + 1}.cs", examples[i]), new SourceFile("KmemGlobalUsings.cs", KmemGlobalUsings.Source) };
            CSharpCompilation compilation = await KmemCompilationFactory.CreateAsync($"{id}Example{i + 1}", sources, withKmemRuntime: true);
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
                problems.Add($"example {i + 1}:\n{DiagnosticListing.Describe(errors)}");
        }

        Assert.True(problems.Count == 0, $"Examples of {id} do not compile:\n" + string.Join("\n", problems));
    }

    private static string ReadPage(string id)
    {
        string path = RepositoryLayout.RulePage(id);
        Assert.True(File.Exists(path), $"{id} has no page at {path}.");
        return File.ReadAllText(path);
    }
}
