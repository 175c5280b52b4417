namespace Kmem.Analyzers.Flow.Checks;

/// <summary>
/// Which released allocation a value may still point to. The state is joined over paths, so a site released on
/// one path and a new allocation stored in the same holder on that path merge into "either"; the value counts as
/// released only when every allocation it may hold may have been released.
/// </summary>
internal static class ReleasedBefore
{
    public static AllocationSite? Site(PointerFacts facts, ulong sites, PointerState before)
    {
        AllocationSite? first = null;
        foreach (var site in facts.SitesIn(sites))
        {
            if ((before[site.Index] & SiteFlags.Released) == 0)
                return null;
            first ??= site;
        }
        return first;
    }
}
