using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Xunit;
using Xunit.Abstractions;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>The corpus files of KMEM002-004 and the seed module, run through the flow rules only.</summary>
public sealed class CorpusFlowTests
{
    private static readonly string[] FlowRules = { "KMEM002", "KMEM003", "KMEM004" };
    private readonly ITestOutputHelper output;

    public CorpusFlowTests(ITestOutputHelper output) => this.output = output;

    public static IEnumerable<object[]> Files()
    {
        var directory = CorpusDirectory();
        if (directory is null)
            yield break;
        foreach (var file in Directory.GetFiles(directory, "*.cs").OrderBy(f => f))
            yield return new object[] { Path.GetFileName(file) };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Corpus_file_gives_exactly_its_expected_flow_rules(string name)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDirectory()!, name));
        var expected = text.Split('\n')[0].Replace("// expect:", "").Split(' ', System.StringSplitOptions.RemoveEmptyEntries)
            .Where(id => FlowRules.Contains(id)).OrderBy(id => id).ToArray();
        var diagnostics = await FlowCompilation.DiagnosticsAsync(text, new LeakAnalyzer(), new MismatchedReleaseAnalyzer(), new OrderMismatchAnalyzer());
        foreach (var diagnostic in diagnostics)
            output.WriteLine(diagnostic.ToString());
        Assert.Equal(expected, diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id).ToArray());
    }

    private static string? CorpusDirectory()
    {
        for (var directory = new DirectoryInfo(System.AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "corpus");
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "006_*").Length > 0)
                return candidate;
        }
        return Directory.Exists("/work/shared/corpus") ? "/work/shared/corpus" : null;
    }
}
