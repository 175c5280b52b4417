using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers.Rules.Plans;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace Kmem.CodeFixes.Support;

/// <summary>Applies the edits of a <see cref="FixPlan"/> that a diagnostic carries.</summary>
internal static class PlannedEdits
{
    /// <summary>Whether the diagnostic carries any edit.</summary>
    public static bool HasEdits(Diagnostic diagnostic) => FixPlan.Read(diagnostic).Any();

    /// <summary>The name the plan gives the allocation (its first rename or array call), for the fix's title.</summary>
    public static string? NewName(Diagnostic diagnostic)
    {
        foreach (var (_, kind, argument) in FixPlan.Read(diagnostic))
        {
            if (kind == FixPlan.RenameCallee)
                return argument;
            if (kind == FixPlan.ArrayCall)
                return argument.Substring(0, argument.IndexOf(';'));
        }
        return null;
    }

    public static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellation)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellation).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        foreach (var (location, kind, argument) in FixPlan.Read(diagnostic))
        {
            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            switch (kind)
            {
                case FixPlan.RenameCallee when Invocation(node) is { } invocation:
                    editor.ReplaceNode(invocation.Expression, (current, _) => Callees.Renamed((ExpressionSyntax)current, argument));
                    break;
                case FixPlan.RemoveStatement when node.FirstAncestorOrSelf<StatementSyntax>() is { } statement:
                    editor.RemoveNode(statement);
                    break;
                case FixPlan.DropOperand when node is ExpressionSyntax operand:
                    Drop(editor, operand);
                    break;
                case FixPlan.ArrayCall when Invocation(node) is { } invocation:
                    ArrayCalls.Replace(editor, invocation, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), argument);
                    break;
            }
        }
        return editor.GetChangedDocument();
    }

    private static InvocationExpressionSyntax? Invocation(SyntaxNode node) => node.FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary>Replaces <c>a | operand</c> (or <c>operand | a</c>) by <c>a</c>.</summary>
    private static void Drop(DocumentEditor editor, ExpressionSyntax operand)
    {
        SyntaxNode child = operand;
        while (child.Parent is ParenthesizedExpressionSyntax)
            child = child.Parent;
        if (child.Parent is not BinaryExpressionSyntax or || !or.IsKind(SyntaxKind.BitwiseOrExpression))
            return;
        var keepRight = or.Left == child;
        editor.ReplaceNode(or, (current, _) =>
        {
            var binary = (BinaryExpressionSyntax)current;
            var kept = keepRight ? binary.Right : binary.Left;
            return kept.WithTriviaFrom(binary).WithAdditionalAnnotations(Formatter.Annotation);
        });
    }
}
