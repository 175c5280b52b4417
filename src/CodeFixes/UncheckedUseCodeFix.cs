using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Kmem.Analyzers.Flow.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.CodeFixes;

/// <summary>KMEM006: inserts the allocation's failure test, in the method's failure convention, right after the allocation.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UncheckedUseCodeFix)), Shared]
public sealed class UncheckedUseCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UncheckedUse);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || !diagnostic.Properties.TryGetValue(CheckProperties.Statement, out var code) || code is null
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan).FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } allocation)
                continue;
            context.RegisterCodeFix(CodeAction.Create($"Insert '{code}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(block, InsertAfter(block, allocation, code)))),
                RuleIds.UncheckedUse), diagnostic);
        }
    }

    private static BlockSyntax InsertAfter(BlockSyntax block, StatementSyntax allocation, string code)
    {
        var indentation = allocation.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var newline = allocation.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var test = SyntaxFactory.ParseStatement(code)
            .WithLeadingTrivia(indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
            .WithTrailingTrivia(newline == default ? SyntaxFactory.ElasticCarriageReturnLineFeed : newline);
        return block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(allocation) + 1, test));
    }
}
