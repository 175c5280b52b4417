using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Kmem.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes;

/// <summary>KMEM004: releases the pages with the order expression of their allocation.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OrderMismatchCodeFix)), Shared]
public sealed class OrderMismatchCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OrderMismatch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        ExpressionReplacement.RegisterAsync(context, "Release order '{0}'", "Kmem.KMEM004.AllocationOrder");
}
