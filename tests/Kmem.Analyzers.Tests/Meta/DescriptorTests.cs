using System.Collections.Generic;
using System.Linq;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>Every descriptor, on <see cref="Descriptors"/> or on an analyzer, belongs to the catalogue and links to its page.</summary>
public sealed class DescriptorTests
{
    [Fact]
    public void RuleIdsAreExactlyTheCatalogue() =>
        Assert.Equal(RuleCatalogue.CatalogueIds.OrderBy(id => id), KmemComponents.RuleIdValues.OrderBy(id => id));

    [Theory]
    [MemberData(nameof(RuleCatalogue.CatalogueIdData), MemberType = typeof(RuleCatalogue))]
    public void EveryRuleHasADescriptor(string id) =>
        Assert.Contains(KmemComponents.DeclaredDescriptors, d => d.Id == id);

    [Fact]
    public void EveryDescriptorHasAKnownIdAndItsHelpLink()
    {
        var ruleIds = KmemComponents.RuleIdValues.ToHashSet();
        var problems = new List<string>();
        foreach (DiagnosticDescriptor descriptor in KmemComponents.AllDescriptors)
        {
            if (!ruleIds.Contains(descriptor.Id))
                problems.Add($"{descriptor.Id} is not in RuleIds");
            else if (descriptor.HelpLinkUri != RuleIds.HelpLink(descriptor.Id))
                problems.Add($"{descriptor.Id} links to '{descriptor.HelpLinkUri}' instead of '{RuleIds.HelpLink(descriptor.Id)}'");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
