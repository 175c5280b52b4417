using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Kmem.CodeFixes;

/// <summary>The fix for KMEM014: replaces <c>if (p != NULL) kfree(p);</c> by <c>kfree(p);</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullTestBeforeFreeCodeFix)), Shared]
public sealed class NullTestBeforeFreeCodeFix : CodeFixProvider
{
    private const string Title = "Remove the NULL test";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.NullTestBeforeFree);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<IfStatementSyntax>() is not { } test || Release(test) is null)
                continue;
            context.RegisterCodeFix(CodeAction.Create(Title, cancellation => RemoveTestAsync(context.Document, test, cancellation), RuleIds.NullTestBeforeFree), diagnostic);
        }
    }

    private static StatementSyntax? Release(IfStatementSyntax test) => test.Statement switch
    {
        BlockSyntax { Statements.Count: 1 } block => block.Statements[0],
        BlockSyntax => null,
        var statement => statement,
    };

    private static async Task<Document> RemoveTestAsync(Document document, IfStatementSyntax test, CancellationToken cancellation)
    {
        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        var release = Release(test)!
            .WithLeadingTrivia(test.GetLeadingTrivia())
            .WithTrailingTrivia(test.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(test, release));
    }
}
