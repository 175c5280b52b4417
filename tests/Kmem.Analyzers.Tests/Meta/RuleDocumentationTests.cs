using System;
using System.IO;
using System.Linq;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>Every rule that has a descriptor has a page, a row in the README and a release-tracking entry.</summary>
public sealed class RuleDocumentationTests
{
    private const string ReadmePath = "README.md";
    private const string UnshippedReleasesPath = "src/Analyzers/AnalyzerReleases.Unshipped.md";

    [Theory]
    [MemberData(nameof(RuleCatalogue.DescriptorIdData), MemberType = typeof(RuleCatalogue))]
    public void RuleHasAPage(string id)
    {
        string page = RepositoryLayout.RulePage(id);

        Assert.True(File.Exists(page), $"{id} has no page at {page}.");
    }

    [Theory]
    [MemberData(nameof(RuleCatalogue.DescriptorIdData), MemberType = typeof(RuleCatalogue))]
    public void ReadmeHasATableRowLinkingToThePage(string id)
    {
        string readme = RepositoryLayout.PathOf(ReadmePath);
        Assert.True(File.Exists(readme), $"There is no {readme}.");

        bool hasRow = File.ReadLines(readme).Any(line =>
            line.TrimStart().StartsWith('|')
            && line.Contains(id, StringComparison.Ordinal)
            && line.Contains($"docs/rules/{id}.md", StringComparison.Ordinal));

        Assert.True(hasRow, $"{ReadmePath} has no table row for {id} linking to docs/rules/{id}.md.");
    }

    [Theory]
    [MemberData(nameof(RuleCatalogue.DescriptorIdData), MemberType = typeof(RuleCatalogue))]
    public void UnshippedReleasesListTheRuleWithItsCategoryAndSeverity(string id)
    {
        string[] rows = File.ReadLines(RepositoryLayout.PathOf(UnshippedReleasesPath))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .Select(cells => $"{cells[1]} | {cells[2]}")
            .ToArray();

        foreach (DiagnosticDescriptor descriptor in KmemComponents.AllDescriptors.Where(d => d.Id == id))
        {
            string expected = $"{descriptor.Category} | {descriptor.DefaultSeverity}";
            Assert.True(rows.Contains(expected), $"{UnshippedReleasesPath} does not list '{id} | {expected}'; its rows for {id}: {string.Join("; ", rows)}");
        }
    }
}
