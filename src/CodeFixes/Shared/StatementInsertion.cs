using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Kmem.CodeFixes.Shared;

/// <summary>Inserts a statement before another one, making a block when the other is the body of an <c>if</c> or a loop.</summary>
internal static class StatementInsertion
{
    /// <summary>The statement (or the method body, for its end) that the fix location points at.</summary>
    public static SyntaxNode? Target(SyntaxNode root, Location location)
    {
        var token = root.FindToken(location.SourceSpan.Start);
        if (token.IsKind(SyntaxKind.CloseBraceToken) && token.Parent is BlockSyntax body && token.Span == location.SourceSpan)
            return body;
        return token.Parent?.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault();
    }

    public static SyntaxNode InsertBefore(SyntaxNode root, SyntaxNode target, string code)
    {
        var statement = SyntaxFactory.ParseStatement(code);
        switch (target)
        {
            case BlockSyntax body when body.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                return root.ReplaceNode(body, body.AddStatements(statement.WithAdditionalAnnotations(Formatter.Annotation)));
            case StatementSyntax inBlock when inBlock.Parent is BlockSyntax block:
            {
                var indented = statement
                    .WithLeadingTrivia(Indentation(inBlock))
                    .WithTrailingTrivia(EndOfLine(inBlock));
                return root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(inBlock), indented)));
            }
            case StatementSyntax embedded:
            {
                var wrapped = SyntaxFactory.Block(statement.WithTrailingTrivia(SyntaxFactory.ElasticMarker), embedded.WithoutTrivia())
                    .WithTriviaFrom(embedded)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return root.ReplaceNode(embedded, wrapped);
            }
            default:
                return root;
        }
    }

    private static SyntaxTrivia EndOfLine(StatementSyntax statement)
    {
        foreach (var trivia in statement.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                return trivia;
        }
        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    private static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }
}
