using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Checks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM006: an allocation used (through memset, memcpy, typed access, or a helper that uses its argument) on a
/// path where it was never tested for failure; reported once per allocation, at its first such use.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UncheckedUseAnalyzer : PointerFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM006);

    [MethodImpl(Jit.Optimized)]
    private protected override void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body)
    {
        // Most bodies test every allocation before its first use: they are not sorted.
        if (!facts.Log.Uses.Exists(use => MeetsUnchecked(facts, use)))
            return;
        var uses = new List<UseEvent>(facts.Log.Uses);
        uses.Sort((a, b) => a.Use.Syntax.SpanStart.CompareTo(b.Use.Syntax.SpanStart));
        var reported = new HashSet<int>();
        foreach (var use in uses)
        {
            foreach (var site in facts.SitesIn(use.Sites))
            {
                if (!IsUnchecked(site, use) || !reported.Add(site.Index))
                    continue;
                var plan = context.OwningSymbol is IMethodSymbol method
                    ? FailureCheckPlan.For(session, facts, site, use.Before, method, context.OperationBlocks[0].Syntax)
                    : null;
                var properties = plan is { Code: var code } ? ImmutableDictionary<string, string?>.Empty.Add(CheckProperties.Statement, code) : ImmutableDictionary<string, string?>.Empty;
                var additional = plan is { Allocation: var statement } ? ImmutableArray.Create(statement.GetLocation()) : ImmutableArray<Location>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM006, use.Use.Syntax.GetLocation(), additional, properties, site.Allocator));
            }
        }
    }

    private static bool MeetsUnchecked(PointerFacts facts, UseEvent use)
    {
        foreach (var site in facts.SitesIn(use.Sites))
        {
            if (IsUnchecked(site, use))
                return true;
        }
        return false;
    }

    /// <summary>Whether the use may meet the site's allocation untested (a parameter is its caller's to test).</summary>
    private static bool IsUnchecked(AllocationSite site, UseEvent use) =>
        !site.IsParameter && site.FailsWith != FailureKind.Never && (use.Before[site.Index] & SiteFlags.AnyUnchecked) != 0;
}
