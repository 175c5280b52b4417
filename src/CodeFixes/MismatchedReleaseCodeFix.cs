using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Kmem.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes;

/// <summary>KMEM003: releases the memory with its own family's function (and cache, and order).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MismatchedReleaseCodeFix)), Shared]
public sealed class MismatchedReleaseCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MismatchedRelease);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        ExpressionReplacement.RegisterAsync(context, "Use '{0}'", "Kmem.KMEM003.MatchingRelease");
}
