using System.Collections.Generic;
using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Flow.Repair;

/// <summary>
/// The goto unwind ladder of a method: for every label, what the straight-line code from that label to
/// the next jump releases (following gotos), as the holders' texts (<c>ring</c>, <c>dev.stats</c>).
/// </summary>
internal sealed class UnwindLadder
{
    private const int MaxGotos = 16;

    private readonly Dictionary<string, LabeledStatementSyntax> labels = new();
    private readonly AnalysisSession session;
    private readonly SemanticModel model;

    public UnwindLadder(AnalysisSession session, SyntaxNode body)
    {
        this.session = session;
        model = session.Model(body.SyntaxTree);
        foreach (var node in body.DescendantNodes())
        {
            if (node is LabeledStatementSyntax labeled)
                labels[labeled.Identifier.ValueText] = labeled;
        }
    }

    public IEnumerable<string> Labels => labels.Keys;

    /// <summary>The holders released from <paramref name="label"/> on, or null when the label is unknown.</summary>
    public ImmutableHashSet<string>? ReleasedFrom(string label)
    {
        var released = ImmutableHashSet.CreateBuilder<string>();
        var visited = new HashSet<string>();
        while (labels.TryGetValue(label, out var labeled) && visited.Add(label) && visited.Count <= MaxGotos)
        {
            if (RungsFrom(labeled, released) is not { } next)
                return released.ToImmutable();
            label = next;
        }
        return visited.Count == 0 ? null : released.ToImmutable();
    }

    /// <summary>Collects the releases up to the next jump; returns the label a goto continues at.</summary>
    private string? RungsFrom(LabeledStatementSyntax labeled, ImmutableHashSet<string>.Builder released)
    {
        if (labeled.Parent is not BlockSyntax block)
            return null;
        for (var i = block.Statements.IndexOf(labeled); i < block.Statements.Count; i++)
        {
            var statement = block.Statements[i];
            while (statement is LabeledStatementSyntax inner)
                statement = inner.Statement;
            if (statement is GotoStatementSyntax { Expression: IdentifierNameSyntax target })
                return target.Identifier.ValueText;
            if (JumpSyntax.IsJump(statement) || statement is ThrowStatementSyntax)
                return null;
            foreach (var call in statement.DescendantNodesAndSelf())
            {
                if (call is InvocationExpressionSyntax invocation && ReleasedHolder(invocation) is { } holder)
                    released.Add(holder);
            }
        }
        return null;
    }

    private string? ReleasedHolder(InvocationExpressionSyntax invocation)
    {
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
            return null;
        var contract = session.Contract.Of(method);
        if (contract.Release is null || contract.FreedParameter < 0 || contract.FreedParameter >= invocation.ArgumentList.Arguments.Count)
            return null;
        return HolderText(invocation.ArgumentList.Arguments[contract.FreedParameter].Expression);
    }

    /// <summary>The text of what an argument reads, without casts and parentheses.</summary>
    public static string HolderText(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                default:
                    return expression.ToString();
            }
        }
    }
}
