using System.Collections.Immutable;

namespace Kmem.Analyzers.Flow;

/// <summary>The sites of a method whose bits are set in a mask, enumerated by <c>foreach</c> without allocating.</summary>
internal readonly struct SiteSet
{
    private readonly ImmutableArray<AllocationSite> sites;
    private readonly ulong mask;

    public SiteSet(ImmutableArray<AllocationSite> sites, ulong mask)
    {
        this.sites = sites;
        this.mask = mask;
    }

    public Enumerator GetEnumerator() => new(sites, mask);

    public struct Enumerator
    {
        private readonly ImmutableArray<AllocationSite> sites;
        private readonly ulong mask;
        private int index;

        public Enumerator(ImmutableArray<AllocationSite> sites, ulong mask)
        {
            this.sites = sites;
            this.mask = mask;
            index = -1;
        }

        public AllocationSite Current => sites[index];

        public bool MoveNext()
        {
            while (++index < sites.Length)
            {
                if ((mask & sites[index].Bit) != 0)
                    return true;
            }
            return false;
        }
    }
}
