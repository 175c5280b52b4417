using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>The analyzers, descriptors and code fix providers that the product assemblies ship, found by reflection.</summary>
public static class KmemComponents
{
    public static Assembly AnalyzersAssembly => typeof(RuleIds).Assembly;

    public static Assembly CodeFixesAssembly => Assembly.Load("Kmem.CodeFixes");

    /// <summary>Every non-abstract analyzer type of Kmem.Analyzers.</summary>
    public static IEnumerable<Type> AnalyzerTypes => ConcreteSubtypes<DiagnosticAnalyzer>(AnalyzersAssembly);

    /// <summary>Every non-abstract code fix provider type of Kmem.CodeFixes.</summary>
    public static IEnumerable<Type> CodeFixProviderTypes => ConcreteSubtypes<CodeFixProvider>(CodeFixesAssembly);

    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CreateCodeFixProviders() =>
        CodeFixProviderTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>The IDs of the rule catalogue: the constants of <see cref="RuleIds"/>.</summary>
    public static ImmutableArray<string> RuleIdValues =>
        typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToImmutableArray();

    /// <summary>The descriptors declared on <see cref="Descriptors"/>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> DeclaredDescriptors =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToImmutableArray();

    /// <summary>Every descriptor: those declared on <see cref="Descriptors"/> and those every analyzer supports.</summary>
    public static ImmutableArray<DiagnosticDescriptor> AllDescriptors =>
        DeclaredDescriptors.Concat(CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics)).ToImmutableArray();

    private static IEnumerable<Type> ConcreteSubtypes<TBase>(Assembly assembly) =>
        assembly.GetTypes().Where(t => typeof(TBase).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal);
}
