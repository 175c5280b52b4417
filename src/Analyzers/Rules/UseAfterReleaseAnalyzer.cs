using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Checks;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM008: memory that some path has released, then read or written (memset, memcpy, typed access, a helper
/// that uses its argument) or released again by another family.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UseAfterReleaseAnalyzer : PointerFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM008);

    [MethodImpl(Jit.Optimized)]
    private protected override void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body)
    {
        foreach (var use in facts.Log.Uses)
        {
            if (ReleasedBefore.Site(facts, use.Sites, use.Before) is { } site)
                Report(context, facts, site, use.Use);
        }
        foreach (var release in facts.Log.Releases)
        {
            if (ReleasedBefore.Site(facts, release.Sites, release.Before) is { } site && !site.IsParameter && (release.Release.Families & site.Family) == 0)
                Report(context, facts, site, release.Call);
        }
    }

    [MethodImpl(Jit.Optimized)]
    private static void Report(OperationBlockAnalysisContext context, PointerFacts facts, AllocationSite site, IOperation use) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM008, use.Syntax.GetLocation(),
            ReleaseHistory.Memory(site), ReleaseHistory.Describe(ReleaseHistory.Earlier(facts, site, use))));
}
