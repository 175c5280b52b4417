using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers;
using Kmem.Analyzers.Flow.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Kmem.CodeFixes;

/// <summary>
/// KMEM005: writes the allocator's own failure test (<c>p == NULL</c>, <c>addr == 0</c> or <c>IS_ERR(p)</c>) and,
/// in the branch the failure takes, its errno (<c>-ENOMEM</c> for <c>PTR_ERR(p)</c>, or <c>PTR_ERR(p)</c> for the errno).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrongFailureTestCodeFix)), Shared]
public sealed class WrongFailureTestCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WrongFailureTest);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!Read(diagnostic, out var test, out var untest, out var errno, out var direction)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax tested)
                continue;
            context.RegisterCodeFix(CodeAction.Create($"Test with '{test}'",
                cancellation => FixAsync(context.Document, diagnostic, tested, test!, untest!, errno!, direction == CheckProperties.ToNull, cancellation),
                RuleIds.WrongFailureTest), diagnostic);
        }
    }

    private static bool Read(Diagnostic diagnostic, out string? test, out string? untest, out string? errno, out string? direction)
    {
        untest = errno = direction = null;
        return diagnostic.Properties.TryGetValue(CheckProperties.Test, out test) && test is not null
            && diagnostic.Properties.TryGetValue(CheckProperties.Untest, out untest) && untest is not null
            && diagnostic.Properties.TryGetValue(CheckProperties.Errno, out errno) && errno is not null
            && diagnostic.Properties.TryGetValue(CheckProperties.Direction, out direction);
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, ExpressionSyntax tested, string test, string untest,
        string errno, bool toNull, CancellationToken cancellation)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellation).ConfigureAwait(false);
        var failsWhenTrue = !tested.IsKind(SyntaxKind.NotEqualsExpression);
        var replaced = (ExpressionSyntax)tested;
        if (Negation(tested) is { } negation)
        {
            replaced = negation;
            failsWhenTrue = !failsWhenTrue;
        }
        editor.ReplaceNode(replaced, SyntaxFactory.ParseExpression(failsWhenTrue ? test : untest).WithTriviaFrom(replaced));

        if (FailureBranch(replaced, failsWhenTrue) is { } branch)
        {
            diagnostic.Properties.TryGetValue(CheckProperties.Pointer, out var pointer);
            foreach (var old in Errnos(branch, toNull, pointer))
                editor.ReplaceNode(old, SyntaxFactory.ParseExpression(errno).WithTriviaFrom(old));
        }
        return editor.GetChangedDocument();
    }

    /// <summary>The <c>!test</c> (through parentheses) that negates the test, if any.</summary>
    private static ExpressionSyntax? Negation(ExpressionSyntax tested)
    {
        SyntaxNode node = tested;
        while (node.Parent is ParenthesizedExpressionSyntax)
            node = node.Parent;
        return node.Parent is PrefixUnaryExpressionSyntax not && not.IsKind(SyntaxKind.LogicalNotExpression) ? not : null;
    }

    /// <summary>The branch of the enclosing <c>if</c> that the failure takes, through <c>!</c>, <c>&amp;&amp;</c> and <c>||</c>.</summary>
    private static StatementSyntax? FailureBranch(ExpressionSyntax test, bool failsWhenTrue)
    {
        SyntaxNode node = test;
        while (true)
        {
            switch (node.Parent)
            {
                case ParenthesizedExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression }:
                    node = node.Parent;
                    continue;
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    failsWhenTrue = !failsWhenTrue;
                    node = not;
                    continue;
                case IfStatementSyntax statement when statement.Condition == node:
                    return failsWhenTrue ? statement.Statement : statement.Else?.Statement;
                default:
                    return null;
            }
        }
    }

    /// <summary>The errnos of the failure branch: <c>PTR_ERR(pointer)</c> calls, or negated errno constants.</summary>
    private static IEnumerable<ExpressionSyntax> Errnos(StatementSyntax branch, bool toNull, string? pointer)
    {
        foreach (var node in branch.DescendantNodesAndSelf())
        {
            if (toNull && node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "PTR_ERR" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "PTR_ERR" } } call
                && call.ArgumentList.Arguments.Count == 1 && call.ArgumentList.Arguments[0].Expression.ToString() == pointer)
                yield return call;
            else if (!toNull && node is PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax name } minus && minus.IsKind(SyntaxKind.UnaryMinusExpression)
                && IsErrno(name.Identifier.ValueText))
                yield return minus;
        }
    }

    private static bool IsErrno(string name)
    {
        if (name.Length < 2 || name[0] != 'E')
            return false;
        foreach (var c in name)
        {
            if (c is not (>= 'A' and <= 'Z'))
                return false;
        }
        return true;
    }
}
