using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kmem.Analyzers.Context;

/// <summary>Identifies a call by tree and span, so that operations from different semantic models of a tree meet.</summary>
internal readonly struct SyntaxKey : System.IEquatable<SyntaxKey>
{
    private SyntaxKey(SyntaxTree tree, TextSpan span)
    {
        Tree = tree;
        Span = span;
    }

    public SyntaxTree Tree { get; }

    public TextSpan Span { get; }

    public static SyntaxKey Of(SyntaxNode node) => new(node.SyntaxTree, node.Span);

    public bool Equals(SyntaxKey other) => ReferenceEquals(Tree, other.Tree) && Span.Equals(other.Span);

    public override bool Equals(object? obj) => obj is SyntaxKey other && Equals(other);

    public override int GetHashCode() => (Tree.GetHashCode() * 397) ^ Span.GetHashCode();
}
