using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Kmem.Analyzers.Flow.Repair;
using Kmem.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.CodeFixes;

/// <summary>KMEM002: releases the allocation on the path that loses it, through the unwind ladder when it has the right rung.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LeakCodeFix)), Shared]
public sealed class LeakCodeFix : CodeFixProvider
{
    private const string RedirectKey = "Kmem.KMEM002.Redirect";
    private const string InsertKey = "Kmem.KMEM002.Insert";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.Leak);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || !diagnostic.Properties.TryGetValue(RepairProperties.Kind, out var kind))
                continue;
            var point = diagnostic.AdditionalLocations[0];
            if (kind == RepairProperties.Redirect && diagnostic.Properties.TryGetValue(RepairProperties.Label, out var label) && label is not null
                && root.FindNode(point.SourceSpan) is GotoStatementSyntax jump)
            {
                context.RegisterCodeFix(CodeAction.Create($"Jump to '{label}' instead",
                    _ => Replace(context.Document, root, jump, jump.WithExpression(SyntaxFactory.IdentifierName(label).WithTriviaFrom(jump.Expression!))),
                    RedirectKey), diagnostic);
            }
            else if (kind == RepairProperties.Insert && diagnostic.Properties.TryGetValue(RepairProperties.Code, out var code) && code is not null
                && StatementInsertion.Target(root, point) is { } target)
            {
                context.RegisterCodeFix(CodeAction.Create($"Call '{code.TrimEnd(';')}' first",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(StatementInsertion.InsertBefore(root, target, code))),
                    InsertKey), diagnostic);
            }
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode old, SyntaxNode replacement) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(old, replacement)));
}
