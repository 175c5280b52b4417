using System.Collections.Immutable;
using System.Threading.Tasks;
using Kmem.Analyzers.Flow.Repair;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.CodeFixes.Shared;

/// <summary>
/// The fix of diagnostics whose analyzer computed the replacement text of the expression they are
/// reported on (<see cref="RepairProperties.Replace"/>).
/// </summary>
internal static class ExpressionReplacement
{
    public static async Task RegisterAsync(CodeFixContext context, string title, string equivalenceKey)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(RepairProperties.Kind, out var kind) || kind != RepairProperties.Replace
                || !diagnostic.Properties.TryGetValue(RepairProperties.Code, out var code) || code is null
                || Expression(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } old)
                continue;
            var replacement = SyntaxFactory.ParseExpression(code).WithTriviaFrom(old);
            context.RegisterCodeFix(CodeAction.Create(string.Format(System.Globalization.CultureInfo.InvariantCulture, title, code),
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(old, replacement))), equivalenceKey), diagnostic);
        }
    }

    private static ExpressionSyntax? Expression(SyntaxNode node) => node switch
    {
        ArgumentSyntax argument => argument.Expression,
        ExpressionSyntax expression => expression,
        _ => null,
    };
}
