using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace Kmem.Analyzers.Tests.Meta.Doubles;

/// <summary>A stand-in fix for testing the infrastructure: replaces <c>GFP_KERNEL</c> by <c>GFP_ATOMIC</c>.</summary>
public sealed class GfpAtomicFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(GfpKernelAnalyzer.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
        SyntaxNode name = root.FindNode(context.Span, getInnermostNodeForTie: true);
        context.RegisterCodeFix(
            CodeAction.Create("Use GFP_ATOMIC", _ => Task.FromResult(context.Document.WithSyntaxRoot(
                root.ReplaceNode(name, SyntaxFactory.IdentifierName("GFP_ATOMIC").WithTriviaFrom(name)))), nameof(GfpAtomicFix)),
            context.Diagnostics);
    }
}
