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
    public static StatementSyntax? Of(BasicBlock source, (IOperation Condition, bool Value)? condition)
    {
        if (condition is { } test)
            return test.Value && ThenBranchOf(test.Condition.Syntax) is { } then ? FirstJump(then) : null;
        if (source.BranchValue?.Syntax.Parent is ReturnStatementSyntax returned)
            return returned;
        if (source.Operations.Length == 0)
            return null;
        var last = EnclosingStatement(source.Operations[source.Operations.Length - 1].Syntax);
        return last is not null && NextStatement(last) is { } next && IsJump(next) ? next : null;
    }

    public static bool IsJump(SyntaxNode node) =>
        node is GotoStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax or ReturnStatementSyntax;

    /// <summary>The statement an <c>if</c> runs when <paramref name="condition"/> is true, if that decides the whole condition.</summary>
    private static StatementSyntax? ThenBranchOf(SyntaxNode condition)
    {
        var node = condition;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                    node = parent;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) && binary.Right == node:
                case BinaryExpressionSyntax binary2 when binary2.IsKind(SyntaxKind.LogicalOrExpression):
                    node = parent;
                    continue;
                case IfStatementSyntax ifStatement when ifStatement.Condition == node:
                    return ifStatement.Statement;
                default:
                    return null;
            }
        }
    }

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

    private static StatementSyntax? EnclosingStatement(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is StatementSyntax statement && current.Parent is BlockSyntax or LabeledStatementSyntax or SwitchSectionSyntax)
                return statement;
        }
        return null;
    }

    private static StatementSyntax? NextStatement(StatementSyntax statement)
    {
        while (statement.Parent is LabeledStatementSyntax labeled)
            statement = labeled;
        if (statement.Parent is BlockSyntax block)
        {
            var index = block.Statements.IndexOf(statement);
            if (index >= 0 && index + 1 < block.Statements.Count)
            {
                var next = block.Statements[index + 1];
                return next is LabeledStatementSyntax ? null : next;
            }
        }
        return null;
    }
}
