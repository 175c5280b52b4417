using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.CodeFixes.Support;

/// <summary>Renames the function an invocation calls, whether written <c>kmalloc</c> or <c>Kernel.kmalloc</c>.</summary>
internal static class Callees
{
    public static SyntaxNode Renamed(ExpressionSyntax callee, string name) => callee switch
    {
        IdentifierNameSyntax identifier => identifier.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(identifier.Identifier)),
        MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(access.Name)),
        _ => callee,
    };
}
