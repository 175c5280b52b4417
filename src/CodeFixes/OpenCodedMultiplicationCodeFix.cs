using System.Composition;
using Kmem.Analyzers;
using Kmem.CodeFixes.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes;

/// <summary>The fix for OpenCodedMultiplication, planned by its analyzer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OpenCodedMultiplicationCodeFix)), Shared]
public sealed class OpenCodedMultiplicationCodeFix : PlannedEditsCodeFix
{
    private protected override string DiagnosticId => RuleIds.OpenCodedMultiplication;

    private protected override string Title(string? newName) => $"Use {newName}, which checks the product";
}
