using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Checks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.ModuleLifetime;
using Kmem.Analyzers.Model.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM007: a release of memory that some path has already released in the method (also through an unwind
/// ladder or a helper that releases its parameter), or that another method released from the same field
/// without setting the field after, when the module's exit releases it again.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoubleReleaseAnalyzer : PointerFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM007);

    [MethodImpl(Jit.Optimized)]
    private protected override void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body)
    {
        foreach (var release in facts.Log.Releases)
        {
            if (ReleasedAgain(facts, release) is { } site)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM007, release.Call.Syntax.GetLocation(),
                    ReleaseHistory.Memory(site), ReleaseHistory.Describe(ReleaseHistory.Earlier(facts, site, release.Call))));
            }
            else if (release.Sites == 0 && release.Holder is { Symbol: IFieldSymbol field } && context.OwningSymbol is IMethodSymbol method
                && DanglingElsewhere(session, field, method) is { } other)
            {
                var allocations = FieldAllocations.For(session).Of(field);
                var memory = allocations.Count > 0 ? ReleaseHistory.Memory(allocations[0]) : $"The memory in '{field.Name}'";
                var line = other.Release.Call.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM007, release.Call.Syntax.GetLocation(), memory,
                    $"by {other.Release.Call.TargetMethod.Name} in {other.Method.Name} at line {line}, which does not set '{field.Name}' after it"));
            }
        }
    }

    /// <summary>A site this release may release a second time with its own family.</summary>
    private static AllocationSite? ReleasedAgain(PointerFacts facts, ReleaseEvent release) =>
        ReleasedBefore.Site(facts, release.Sites, release.Before) is { } site && (site.IsParameter || (release.Release.Families & site.Family) != 0)
            ? site : null;

    /// <summary>
    /// When <paramref name="method"/> is part of a module's exit: a release of the same field by a method outside
    /// init and exit that leaves the field pointing at released memory.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private static FieldRelease? DanglingElsewhere(AnalysisSession session, IFieldSymbol field, IMethodSymbol method)
    {
        if (!ModuleIndex.For(session).InExit(method))
            return null;
        foreach (var other in FieldReleases.For(session).OutsideInitAndExit(field))
        {
            if (!other.AssignedAfter)
                return other;
        }
        return null;
    }
}
