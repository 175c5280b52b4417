using Kmem.Analyzers.Constants;
using System.Collections.Immutable;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Repair;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Rules;

/// <summary>KMEM004: pages released with an order other than the one they were allocated with.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OrderMismatchAnalyzer : PointerFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM004);

    private protected override void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body)
    {
        ConstantEvaluator? constants = null;
        foreach (var release in facts.Log.Releases)
        {
            if (release.Order is null && release.Release.FixedOrder < 0)
                continue;
            constants ??= new ConstantEvaluator(session);
            var released = release.Order is not null ? constants.Order(release.Order) : release.Release.FixedOrder;
            if (released is not { } order)
                continue;
            var candidates = ReleasedSites.Of(session, facts, release, out var inSiteMethod);
            candidates.RemoveAll(site => (release.Release.Families & site.Family) == 0);
            if (candidates.Count == 0 || !candidates.TrueForAll(site => site.OrderValue is { } allocated && allocated != order))
                continue;
            var site = candidates[0];
            var replacement = release.Order is null ? null
                : site.Order is not null ? ReleaseCall.Portable(site.Order, inSiteMethod)
                : site.OrderValue!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var properties = replacement is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(RepairProperties.Kind, RepairProperties.Replace).Add(RepairProperties.Code, replacement);
            var location = (release.Order?.Syntax ?? release.Call.Syntax).GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM004, location, properties,
                release.Call.TargetMethod.Name, order, site.Allocator, site.OrderValue));
        }
    }
}
