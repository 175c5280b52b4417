using System.Composition;
using Kmem.Analyzers;
using Kmem.CodeFixes.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes;

/// <summary>The fix for BadGfpFlags, planned by its analyzer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BadGfpFlagsCodeFix)), Shared]
public sealed class BadGfpFlagsCodeFix : PlannedEditsCodeFix
{
    private protected override string DiagnosticId => RuleIds.BadGfpFlags;

    private protected override string Title(string? newName) => "Drop the flags the allocator rejects";
}
