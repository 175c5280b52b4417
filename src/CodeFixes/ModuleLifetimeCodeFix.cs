using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Kmem.Analyzers.Flow.Checks;
using Kmem.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.CodeFixes;

/// <summary>KMEM009: adds the missing release to the module's exit, in reverse order of allocation.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModuleLifetimeCodeFix)), Shared]
public sealed class ModuleLifetimeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ModuleLifetime);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || !diagnostic.Properties.TryGetValue(CheckProperties.Statement, out var code) || code is null
                || context.Document.Project.Solution.GetDocument(diagnostic.AdditionalLocations[0].SourceTree) is not { } document
                || await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root
                || StatementInsertion.Target(root, diagnostic.AdditionalLocations[0]) is not { } target)
                continue;
            context.RegisterCodeFix(CodeAction.Create($"Release it in exit: '{code}'",
                _ => Task.FromResult(document.Project.Solution.WithDocumentSyntaxRoot(document.Id, Insert(root, target, code))),
                RuleIds.ModuleLifetime), diagnostic);
        }
    }

    /// <summary>Inserts before a statement of a block with that statement's indentation and line ending; elsewhere as the shared insertion does.</summary>
    private static SyntaxNode Insert(SyntaxNode root, SyntaxNode target, string code)
    {
        if (target is not StatementSyntax { Parent: BlockSyntax block } next)
            return StatementInsertion.InsertBefore(root, target, code);
        var release = SyntaxFactory.ParseStatement(code)
            .WithLeadingTrivia(next.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(next.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        return root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(next), release)));
    }
}
