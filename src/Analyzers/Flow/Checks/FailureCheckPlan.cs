using System.Collections.Generic;
using System.Collections.Immutable;
using Kmem.Analyzers.Flow.Repair;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Flow.Checks;

/// <summary>
/// Plans the failure test to insert right after an allocation, in the method's own failure convention: return the
/// errno, jump to the unwind label that releases what is held there, return NULL, or return from a void method.
/// </summary>
internal static class FailureCheckPlan
{
    private static readonly ImmutableHashSet<string> ErrorLocals = ImmutableHashSet.Create("ret", "err", "rc", "error", "retval", "status");

    /// <summary>The statement that allocates <paramref name="site"/> and the test to insert after it, or null when there is no safe one.</summary>
    public static (StatementSyntax Allocation, string Code)? For(AnalysisSession session, PointerFacts facts, AllocationSite site,
        PointerState state, IMethodSymbol method, SyntaxNode body)
    {
        if (site.Call is not { } call || Holder(session, call.Syntax) is not var (statement, holder, type))
            return null;
        var test = FailureText.FailedShort(session, holder, type, site.FailsWith);
        var action = Action(session, facts, site, state, method, body, FailureText.Error(holder, site.FailsWith));
        return action is null ? null : (statement, $"if ({test}) {action}");
    }

    /// <summary>The statement <c>holder = alloc(...);</c> or <c>T holder = alloc(...);</c> directly in a block.</summary>
    private static (StatementSyntax, string, ITypeSymbol?)? Holder(AnalysisSession session, SyntaxNode call)
    {
        var node = call;
        while (node.Parent is CastExpressionSyntax or ParenthesizedExpressionSyntax)
            node = node.Parent;
        var model = session.Model(call.SyntaxTree);
        switch (node.Parent)
        {
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } statement } assignment when assignment.Right == node:
                return (statement, assignment.Left.ToString(), model.GetTypeInfo(assignment.Left).Type);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax } statement }:
                return (statement, declarator.Identifier.ValueText, (model.GetDeclaredSymbol(declarator) as ILocalSymbol)?.Type);
            default:
                return null;
        }
    }

    private static string? Action(AnalysisSession session, PointerFacts facts, AllocationSite site, PointerState state, IMethodSymbol method,
        SyntaxNode body, string errno)
    {
        if (method.ReturnsVoid)
            return "return;";
        if (session.Contract.IsTrackedType(method.ReturnType))
            return SymbolEqualityComparer.Default.Equals(method.ReturnType, session.Contract.PointerType) ? "return NULL;"
                : method.ReturnType.SpecialType == SpecialType.System_UInt64 ? "return 0;" : "return null;";
        if (method.ReturnType.SpecialType != SpecialType.System_Int32)
            return null;
        var held = HeldBefore(facts, site, state);
        if (held.Count == 0)
            return $"return {errno};";
        return Label(new UnwindLadder(session, body), held) is { } label && ErrorLocal(body) is { } local
            ? $"{{ {local} = {errno}; goto {label}; }}"
            : null;
    }

    /// <summary>For each allocation made before <paramref name="site"/> and still owned, the texts of its holders.</summary>
    private static List<HashSet<string>> HeldBefore(PointerFacts facts, AllocationSite site, PointerState state)
    {
        var held = new List<HashSet<string>>();
        foreach (var earlier in facts.Sites)
        {
            if (earlier.Call is null || earlier.Call.Syntax.SpanStart >= site.Call!.Syntax.SpanStart || (state[earlier.Index] & SiteFlags.Live) == 0)
                continue;
            var texts = new HashSet<string>();
            foreach (var holder in state.HoldersOf(earlier.Index))
            {
                if (holder.Text is { } text)
                    texts.Add(text);
            }
            held.Add(texts);
        }
        return held;
    }

    /// <summary>The ladder label that releases each held allocation and nothing else.</summary>
    private static string? Label(UnwindLadder ladder, List<HashSet<string>> held)
    {
        foreach (var label in ladder.Labels)
        {
            if (ladder.ReleasedFrom(label) is not { } released || released.Count != held.Count)
                continue;
            if (held.TrueForAll(texts => texts.Overlaps(released)))
                return label;
        }
        return null;
    }

    private static string? ErrorLocal(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes())
        {
            if (node is VariableDeclarationSyntax { Type: PredefinedTypeSyntax { Keyword.ValueText: "int" } } declaration)
            {
                foreach (var variable in declaration.Variables)
                {
                    if (ErrorLocals.Contains(variable.Identifier.ValueText))
                        return variable.Identifier.ValueText;
                }
            }
        }
        return null;
    }
}
