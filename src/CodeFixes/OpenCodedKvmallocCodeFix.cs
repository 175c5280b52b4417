using System.Composition;
using Kmem.Analyzers;
using Kmem.CodeFixes.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes;

/// <summary>The fix for OpenCodedKvmalloc, planned by its analyzer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OpenCodedKvmallocCodeFix)), Shared]
public sealed class OpenCodedKvmallocCodeFix : PlannedEditsCodeFix
{
    private protected override string DiagnosticId => RuleIds.OpenCodedKvmalloc;

    private protected override string Title(string? newName) => $"Use {newName}";
}
