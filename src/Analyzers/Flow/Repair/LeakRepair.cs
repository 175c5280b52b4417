using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Flow.Repair;

/// <summary>
/// Plans the repair of a leak at its losing point: redirect a goto to the ladder label that releases
/// exactly what is held there, or insert the release before the jump or the overwrite.
/// </summary>
internal static class LeakRepair
{
    public static ImmutableDictionary<string, string?> Plan(AnalysisSession session, PointerFacts facts, LeakEvent leak,
        SyntaxNode point, PointerState state, UnwindLadder ladder)
    {
        var none = ImmutableDictionary<string, string?>.Empty;
        if (point is GotoStatementSyntax jump && Redirection(jump, state, facts, ladder) is { } label)
            return none.Add(RepairProperties.Kind, RepairProperties.Redirect).Add(RepairProperties.Label, label);

        var atOverwrite = leak.Kind == LeakKind.Overwrite && ReferenceEquals(point, leak.Point);
        var insertable = atOverwrite
            ? point.Parent is ExpressionStatementSyntax && OverwritesWithAnother(leak)
            : JumpSyntax.IsJump(point) || point is BlockSyntax;
        if (!insertable || point is ReturnStatementSyntax { Expression: { } returned } && Mentions(returned, leak, state))
            return none;
        var holder = atOverwrite ? leak.Holder : HolderInScope(state, leak.Site, point);
        if (holder is not { Text: { } text } chosen)
            return none;
        if (ReleaseCall.RefusesNull(session, leak.Site) && (state[leak.Site.Index] & (SiteFlags.AnyUnchecked | SiteFlags.Null)) != 0)
            return none;
        return ReleaseCall.For(session, leak.Site, text, TypeOf(chosen.Symbol), inSiteMethod: true) is { } call
            ? none.Add(RepairProperties.Kind, RepairProperties.Insert).Add(RepairProperties.Code, call + ";")
            : none;
    }

    /// <summary>An overwrite by the same allocation (a loop) gives no place where the old value may be released.</summary>
    private static bool OverwritesWithAnother(LeakEvent leak) =>
        leak.Point is not AssignmentExpressionSyntax assignment || !assignment.Right.Span.Contains(leak.Site.Call!.Syntax.Span);

    private static bool Mentions(ExpressionSyntax returned, LeakEvent leak, PointerState state)
    {
        foreach (var holder in state.HoldersOf(leak.Site.Index))
        {
            foreach (var name in returned.DescendantNodesAndSelf())
            {
                if (name is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == holder.Symbol?.Name)
                    return true;
            }
        }
        return false;
    }

    private static string? Redirection(GotoStatementSyntax jump, PointerState state, PointerFacts facts, UnwindLadder ladder)
    {
        var current = (jump.Expression as IdentifierNameSyntax)?.Identifier.ValueText;
        string? best = null;
        var bestCount = int.MaxValue;
        foreach (var label in ladder.Labels)
        {
            if (label == current || ladder.ReleasedFrom(label) is not { } released || released.Count >= bestCount)
                continue;
            if (ReleasesExactlyWhatIsHeld(released, state, facts))
            {
                best = label;
                bestCount = released.Count;
            }
        }
        return best;
    }

    private static bool ReleasesExactlyWhatIsHeld(ImmutableHashSet<string> released, PointerState state, PointerFacts facts)
    {
        foreach (var site in facts.Sites)
        {
            if (site.IsParameter || (state[site.Index] & SiteFlags.Live) == 0)
                continue;
            var covered = false;
            foreach (var holder in state.HoldersOf(site.Index))
                covered |= holder.Text is { } text && released.Contains(text);
            if (!covered)
                return false;
        }
        foreach (var text in released)
        {
            var mask = 0UL;
            foreach (var pair in state.Holders)
            {
                if (pair.Holder.Text == text)
                    mask |= pair.Sites;
            }
            var flags = state.Flags(mask);
            if (mask == 0 || (flags & ~SiteFlags.Allocated) != 0)
                return false;
        }
        return true;
    }

    private static Holder? HolderInScope(PointerState state, AllocationSite site, SyntaxNode point)
    {
        Holder? field = null;
        foreach (var holder in state.HoldersOf(site.Index))
        {
            if (holder.IsField)
                field ??= holder;
            else if (InScope(holder.Symbol!, point))
                return holder;
        }
        return field;
    }

    private static bool InScope(ISymbol symbol, SyntaxNode point)
    {
        if (symbol is not ILocalSymbol local)
            return true;
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            for (var scope = reference.GetSyntax().Parent; scope is not null; scope = scope.Parent)
            {
                if (scope is BlockSyntax or ForStatementSyntax or SwitchSectionSyntax)
                    return scope.Span.Contains(point.Span);
            }
        }
        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol? symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };
}
