using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// Finds the jump statement (<c>goto</c>, <c>continue</c>, <c>break</c>, <c>return</c>) behind a control
/// flow edge: the graph keeps no syntax for branches, so the statement is found next to the syntax the
/// source block ends with.
/// </summary>
internal static class JumpSyntax
{
    [MethodImpl(Jit.Optimized)]
    public static StatementSyntax? Of(BasicBlock source, (IOperation Condition, bool Value)? condition)
    {
        if (condition is { } test)
            return BranchOf(test.Condition.Syntax, test.Value) is { } branch ? FirstJump(branch) : null;
        if (source.BranchValue?.Syntax.Parent is ReturnStatementSyntax returned)
            return returned;
        if (source.Operations.Length == 0)
            return null;
        var last = EnclosingStatement(source.Operations[source.Operations.Length - 1].Syntax);
        return last is not null && NextStatement(last) is { } next && IsJump(next) ? next : null;
    }

    [MethodImpl(Jit.Optimized)]
    public static bool IsJump(SyntaxNode node) =>
        node is GotoStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax or ReturnStatementSyntax;

    /// <summary>
    /// The branch of the enclosing <c>if</c> that runs when <paramref name="condition"/> has <paramref name="value"/>,
    /// when that decides the whole condition (the graph folds <c>!</c>, <c>&amp;&amp;</c> and <c>||</c> into its branches).
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private static StatementSyntax? BranchOf(SyntaxNode condition, bool value)
    {
        var node = condition;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                    break;
                case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                    value = !value;
                    break;
                case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression):
                    if (conjunction.Left == node && value)
                        return null;
                    break;
                case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression):
                    if (disjunction.Left == node && !value)
                        return null;
                    break;
                case IfStatementSyntax ifStatement when ifStatement.Condition == node:
                    return value ? ifStatement.Statement : ifStatement.Else?.Statement;
                default:
                    return null;
            }
            node = parent;
        }
    }

    [MethodImpl(Jit.Optimized)]
    private static StatementSyntax? FirstJump(StatementSyntax statement)
    {
        while (statement is BlockSyntax block)
        {
            if (block.Statements.Count == 0)
                return null;
            statement = block.Statements[0];
        }
        return IsJump(statement) ? statement : null;
    }

    [MethodImpl(Jit.Optimized)]
    private static StatementSyntax? EnclosingStatement(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is StatementSyntax statement && current.Parent is BlockSyntax or LabeledStatementSyntax or SwitchSectionSyntax)
                return statement;
        }
        return null;
    }

    [MethodImpl(Jit.Optimized)]
    private static StatementSyntax? NextStatement(StatementSyntax statement)
    {
        while (statement.Parent is LabeledStatementSyntax labeled)
            statement = labeled;
        if (statement.Parent is BlockSyntax block)
        {
            var index = IndexOf(block.Statements, statement);
            if (index >= 0 && index + 1 < block.Statements.Count)
            {
                var next = block.Statements[index + 1];
                return next is LabeledStatementSyntax ? null : next;
            }
        }
        return null;
    }

    /// <summary>
    /// Where a statement is in its block, by a binary search on the statements' positions (a block's statements are in
    /// source order and each starts at its own position): the list's own search is linear, and this is asked for every
    /// edge of the graph, so a method of thousands of statements in one block took time quadratic in its length.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private static int IndexOf(SyntaxList<StatementSyntax> statements, StatementSyntax statement)
    {
        var position = statement.SpanStart;
        int low = 0, high = statements.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var candidate = statements[middle];
            var start = candidate.SpanStart;
            if (start == position)
                return candidate == statement ? middle : -1;
            if (start < position)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return -1;
    }
}
