using System.Composition;
using Kmem.Analyzers;
using Kmem.CodeFixes.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes;

/// <summary>The fix for BadSizeOrOrder, planned by its analyzer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BadSizeOrOrderCodeFix)), Shared]
public sealed class BadSizeOrOrderCodeFix : PlannedEditsCodeFix
{
    private protected override string DiagnosticId => RuleIds.BadSizeOrOrder;

    private protected override string Title(string? newName) => $"Use {newName} for a size kmalloc cannot serve";
}
