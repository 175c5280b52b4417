using System.Collections.Generic;
using System.Linq;
using Kmem.Analyzers.Tests.Infrastructure;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>The rule IDs of the catalogue (KMEM001..KMEM015) and of the shipped descriptors, as theory data.</summary>
public static class RuleCatalogue
{
    public const int RuleCount = 15;

    public static IEnumerable<string> CatalogueIds => Enumerable.Range(1, RuleCount).Select(n => $"KMEM{n:000}");

    public static IEnumerable<object[]> CatalogueIdData => CatalogueIds.Select(id => new object[] { id });

    /// <summary>Every ID a descriptor declares, whether or not it is in the catalogue.</summary>
    public static IEnumerable<object[]> DescriptorIdData =>
        KmemComponents.AllDescriptors.Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).Select(id => new object[] { id });
}
