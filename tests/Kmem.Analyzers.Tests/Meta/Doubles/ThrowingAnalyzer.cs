using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Tests.Meta.Doubles;

/// <summary>An analyzer that throws on every syntax tree, to prove that analyzer exceptions fail the tests.</summary>
// A test double, never shipped: the extended analyzer rules and release tracking are for product analyzers.
#pragma warning disable RS1036, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("KTEST02", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("analyzer bug"));
    }
}
