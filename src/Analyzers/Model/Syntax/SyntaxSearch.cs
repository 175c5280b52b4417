using System;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// Searches of a subtree that allocate nothing but the nodes themselves (<c>DescendantNodes</c> allocates an iterator
/// per call, which the per-body searches of a large compilation, once per rule, add up to megabytes of).
/// </summary>
internal static class SyntaxSearch
{
    /// <summary>Whether some node below <paramref name="node"/> (not itself) matches.</summary>
    [MethodImpl(Jit.OutsideImage)]
    public static bool Contains(SyntaxNode node, Func<SyntaxNode, bool> match)
    {
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } inner && (match(inner) || Contains(inner, match)))
                return true;
        }
        return false;
    }
}
