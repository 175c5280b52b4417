using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Kmem.CodeFixes.Support;

/// <summary>Rewrites <c>kmalloc(n * size, gfp)</c> as the array variant with the arguments the plan lists.</summary>
internal static class ArrayCalls
{
    /// <param name="sizeNode">The size argument, a multiplication.</param>
    /// <param name="spec"><c>name;a,b,…</c>: <c>L</c>/<c>R</c> for the multiplication's operands, an ordinal for an original argument.</param>
    public static void Replace(DocumentEditor editor, InvocationExpressionSyntax invocation, SyntaxNode sizeNode, string spec)
    {
        var product = sizeNode as ExpressionSyntax;
        while (product is ParenthesizedExpressionSyntax parenthesized)
            product = parenthesized.Expression;
        if (product is not BinaryExpressionSyntax multiplication || !multiplication.IsKind(SyntaxKind.MultiplyExpression))
            return;
        var separator = spec.IndexOf(';');
        var name = spec.Substring(0, separator);
        var arguments = new List<ArgumentSyntax>();
        foreach (var part in spec.Substring(separator + 1).Split(','))
        {
            var expression = part switch
            {
                "L" => multiplication.Left,
                "R" => multiplication.Right,
                _ => invocation.ArgumentList.Arguments[int.Parse(part, CultureInfo.InvariantCulture)].Expression,
            };
            arguments.Add(SyntaxFactory.Argument(expression.WithoutTrivia()));
        }
        var commas = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), arguments.Count - 1);
        var rewritten = invocation
            .WithExpression((ExpressionSyntax)Callees.Renamed(invocation.Expression, name))
            .WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments, commas)));
        editor.ReplaceNode(invocation, rewritten);
    }
}
