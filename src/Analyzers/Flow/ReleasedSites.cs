using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Summaries;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The allocations a release may be releasing: the sites of the method its argument holds there or,
/// when it holds none of them, every allocation any method stored into the field it reads.
/// </summary>
internal static class ReleasedSites
{
    [MethodImpl(Jit.Optimized)]
    public static List<AllocationSite> Of(AnalysisSession session, PointerFacts facts, ReleaseEvent release, out bool inSiteMethod)
    {
        var result = new List<AllocationSite>();
        inSiteMethod = true;
        var heldParameter = false;
        foreach (var site in facts.SitesIn(release.Sites))
        {
            heldParameter |= site.IsParameter;
            if (!site.IsParameter && (release.Before[site.Index] & SiteFlags.Allocated) != 0)
                result.Add(site);
        }
        if (result.Count == 0 && !heldParameter && release.Holder is { Symbol: IFieldSymbol field })
        {
            inSiteMethod = false;
            result.AddRange(FieldAllocations.For(session).Of(field));
        }
        return result;
    }
}
