using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Kmem.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Kmem.CodeFixes;

/// <summary>
/// KMEM001: rewrites each reclaiming mask name of the sleeping call's gfp argument to
/// <c>GFP_ATOMIC</c>, as the user named it (<c>GFP_KERNEL</c> -> <c>GFP_ATOMIC</c>,
/// <c>gfp_t.GFP_KERNEL</c> -> <c>gfp_t.GFP_ATOMIC</c>), keeping the other OR-ed bits. The analyzer
/// passes the spans of the names to rewrite in the diagnostic's properties, and only when the rewrite is safe; other
/// sleeping calls (vmalloc, mutex_lock, a forwarded mask) get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SleepInAtomicCodeFix)), Shared]
public sealed class SleepInAtomicCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = RuleIds.SleepInAtomic + ".GfpAtomic";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SleepInAtomic);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (GfpRewriteProperties.TryRead(diagnostic, out var spans, out var replacement))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {replacement}", token => Rewrite(context.Document, spans, replacement, token), EquivalenceKey),
                    diagnostic);
            }
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> Rewrite(Document document, ImmutableArray<TextSpan> spans, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
            return document;
        var names = ImmutableArray.CreateBuilder<SimpleNameSyntax>();
        foreach (var span in spans)
        {
            if (root.FindNode(span, getInnermostNodeForTie: true) is SimpleNameSyntax name)
                names.Add(name);
        }
        var rewritten = root.ReplaceNodes(names, (original, _) =>
            SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(original.Identifier.LeadingTrivia, replacement, original.Identifier.TrailingTrivia)));
        return document.WithSyntaxRoot(rewritten);
    }
}
