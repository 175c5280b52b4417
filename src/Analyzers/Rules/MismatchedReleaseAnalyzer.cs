using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Repair;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules;

/// <summary>KMEM003: memory released by a function of another family, or to another slab cache.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MismatchedReleaseAnalyzer : PointerFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM003);

    [MethodImpl(Jit.Optimized)]
    private protected override void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body)
    {
        foreach (var release in facts.Log.Releases)
        {
            var candidates = ReleasedSites.Of(session, facts, release, out var inSiteMethod);
            if (candidates.Count == 0 || !candidates.TrueForAll(site => Mismatches(release, site)))
                continue;
            var site = candidates[0];
            var replacement = release.Freed is { } freed ? Replacement(session, site, freed, inSiteMethod) : null;
            var properties = replacement is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(RepairProperties.Kind, RepairProperties.Replace).Add(RepairProperties.Code, replacement);
            var releaseName = release.Call.TargetMethod.Name;
            var sameFamily = (release.Release.Families & site.Family) != 0;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM003, release.Call.Syntax.GetLocation(), properties,
                sameFamily ? $"{releaseName} to '{release.Cache?.Syntax}'" : releaseName,
                sameFamily ? $"{site.Allocator} from '{site.Cache?.Syntax}'" : site.Allocator,
                replacement ?? CanonicalName(session, site)));
        }
    }

    private static bool Mismatches(ReleaseEvent release, AllocationSite site)
    {
        if ((release.Release.Families & site.Family) == 0)
            return true;
        return release.Cache is { } released && site.Cache is { } allocated
            && CacheSymbol(released) is { } left && CacheSymbol(allocated) is { } right
            && !SymbolEqualityComparer.Default.Equals(left, right);
    }

    private static ISymbol? CacheSymbol(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation switch
        {
            IFieldReferenceOperation field => field.Field,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    private static string? Replacement(AnalysisSession session, AllocationSite site, IOperation freed, bool inSiteMethod)
    {
        var pointer = freed;
        while (pointer is IConversionOperation conversion)
            pointer = conversion.Operand;
        return ReleaseCall.For(session, site, pointer.Syntax.ToString(), pointer.Type, inSiteMethod);
    }

    private static string CanonicalName(AnalysisSession session, AllocationSite site)
    {
        var releases = session.Contract.ReleasesOf(site.Family);
        return releases.IsEmpty ? "the release of its family" : releases[0].Name;
    }
}
