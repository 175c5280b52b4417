using System.Composition;
using Kmem.Analyzers;
using Kmem.CodeFixes.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes;

/// <summary>The fix for KmallocThenMemsetZero, planned by its analyzer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ZeroingAllocatorCodeFix)), Shared]
public sealed class ZeroingAllocatorCodeFix : PlannedEditsCodeFix
{
    private protected override string DiagnosticId => RuleIds.KmallocThenMemsetZero;

    private protected override string Title(string? newName) => $"Use {newName} and remove the memset";
}
