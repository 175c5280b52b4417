using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Repair;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Rules;

/// <summary>KMEM002: an allocation that some path loses while it still owns it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LeakAnalyzer : PointerFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM002);

    [MethodImpl(Jit.Optimized)]
    private protected override void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body)
    {
        UnwindLadder? ladder = null;
        foreach (var leak in facts.Log.Leaks)
        {
            if (leak.Site.Call is not { } call)
                continue;
            ladder ??= new UnwindLadder(session, body);
            var (point, state) = LosingPoint(leak, facts, ladder);
            var properties = LeakRepair.Plan(session, facts, leak, point, state, ladder);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM002, call.Syntax.GetLocation(),
                ImmutableArray.Create(PointLocation(point)), properties, leak.Site.Allocator, Describe(point, leak)));
        }
    }

    /// <summary>
    /// Where the path that loses the site leaves the code that would release it: a goto to a rung that does
    /// not release it, or a continue or break, when there is one; otherwise where the loss was seen.
    /// </summary>
    private static (SyntaxNode Point, PointerState State) LosingPoint(LeakEvent leak, PointerFacts facts, UnwindLadder ladder)
    {
        if (leak.Kind == LeakKind.OutOfScope)
            return (leak.Point, leak.State);
        JumpEvent? culprit = null;
        foreach (var jump in facts.Log.Jumps)
        {
            if ((jump.State[leak.Site.Index] & SiteFlags.Live) == 0 || culprit is not null && culprit.Jump.SpanStart <= jump.Jump.SpanStart)
                continue;
            var loses = jump.Jump switch
            {
                GotoStatementSyntax { Expression: IdentifierNameSyntax label } => !Releases(ladder.ReleasedFrom(label.Identifier.ValueText), jump.State, leak.Site),
                ContinueStatementSyntax or BreakStatementSyntax => true,
                _ => false,
            };
            if (loses)
                culprit = jump;
        }
        return culprit is null ? (leak.Point, leak.State) : (culprit.Jump, culprit.State);
    }

    private static bool Releases(ImmutableHashSet<string>? released, PointerState state, AllocationSite site)
    {
        if (released is null)
            return true;
        foreach (var holder in state.HoldersOf(site.Index))
        {
            if (holder.Text is { } text && released.Contains(text))
                return true;
        }
        return false;
    }

    private static string Describe(SyntaxNode point, LeakEvent leak)
    {
        var line = PointLocation(point).GetLineSpan().StartLinePosition.Line + 1;
        return point switch
        {
            GotoStatementSyntax jump => $"on the 'goto {jump.Expression}' at line {line}",
            ContinueStatementSyntax => $"on the 'continue' at line {line}",
            BreakStatementSyntax => $"on the 'break' at line {line}",
            ReturnStatementSyntax => $"on the return at line {line}",
            BlockSyntax => $"when the method ends at line {line}",
            _ when leak.Kind == LeakKind.Overwrite => $"when '{leak.Holder?.Text}' is overwritten at line {line}",
            _ => $"when '{leak.Holder?.Text}' goes out of scope at line {line}",
        };
    }

    private static Location PointLocation(SyntaxNode point) =>
        point is BlockSyntax body ? body.CloseBraceToken.GetLocation() : point.GetLocation();
}
