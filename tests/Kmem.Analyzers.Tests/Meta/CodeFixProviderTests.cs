using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>Every code fix provider of Kmem.CodeFixes is exported for C#, fixes catalogue IDs only and supports Fix All.</summary>
public sealed class CodeFixProviderTests
{
    [Fact]
    public void CodeFixesAssemblyLoadsWithAllItsTypes()
    {
        Assembly assembly = KmemComponents.CodeFixesAssembly;

        Assert.Equal("Kmem.CodeFixes", assembly.GetName().Name);
        Assert.NotNull(assembly.GetTypes());
    }

    [Fact]
    public void EveryProviderFixesKnownIdsAndSupportsFixAll()
    {
        var ruleIds = KmemComponents.RuleIdValues.ToHashSet();
        var problems = new List<string>();
        foreach (CodeFixProvider provider in KmemComponents.CreateCodeFixProviders())
        {
            string name = provider.GetType().Name;
            if (provider.FixableDiagnosticIds.IsEmpty)
                problems.Add($"{name} fixes no diagnostic");
            problems.AddRange(provider.FixableDiagnosticIds.Where(id => !ruleIds.Contains(id)).Select(id => $"{name} fixes unknown ID {id}"));
            if (provider.GetFixAllProvider() is null)
                problems.Add($"{name} has no FixAllProvider");
            if (provider.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Languages.Contains(LanguageNames.CSharp) != true)
                problems.Add($"{name} is not exported for C# ([ExportCodeFixProvider(LanguageNames.CSharp)])");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
