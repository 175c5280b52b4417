using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// Finds the bodies of code in a tree (method, constructor and accessor declarations, field and
/// property initializers) that can contain calls, walking only namespaces and types (never into
/// bodies), and skipping those with no invocation or assignment syntax before anything is bound.
/// </summary>
internal static class SourceBodies
{
    public static IEnumerable<SyntaxNode> Of(SyntaxNode root)
    {
        var members = root.DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method when HasCode(method):
                    yield return method;
                    break;
                case BasePropertyDeclarationSyntax property:
                    foreach (var body in OfProperty(property))
                        yield return body;
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } initializer)
                            yield return initializer;
                    }
                    break;
            }
        }
    }

    private static IEnumerable<SyntaxNode> OfProperty(BasePropertyDeclarationSyntax property)
    {
        if (property.AccessorList is { } accessors)
        {
            foreach (var accessor in accessors.Accessors)
            {
                if (HasCode(accessor))
                    yield return accessor;
            }
        }
        if (property is PropertyDeclarationSyntax { Initializer: { } initializer })
            yield return initializer;
    }

    /// <summary>Whether the node contains a call or an assignment (which may store a handler in a field).</summary>
    public static bool HasCode(SyntaxNode node) =>
        SyntaxSearch.Contains(node, static descendant => descendant is InvocationExpressionSyntax or AssignmentExpressionSyntax);
}
