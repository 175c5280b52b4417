using System.Collections.Immutable;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The site values of the state being transferred, copied only on the first write: most operations read
/// them without changing any, and then the state stored after them shares the loaded array.
/// </summary>
internal sealed class SiteFlagsBuffer
{
    private ImmutableArray<SiteFlags> loaded;
    private SiteFlags[]? written;

    public SiteFlags this[int site]
    {
        get => written is null ? loaded[site] : written[site];
        set
        {
            if (written is null)
            {
                if (loaded[site] == value)
                    return;
                written = new SiteFlags[loaded.Length];
                loaded.CopyTo(written);
            }
            written[site] = value;
        }
    }

    public void Load(ImmutableArray<SiteFlags> sites)
    {
        loaded = sites;
        written = null;
    }

    /// <summary>The current values; the same array as loaded (or last stored) when nothing was written since.</summary>
    public ImmutableArray<SiteFlags> ToImmutable()
    {
        if (written is not null)
        {
            loaded = ImmutableArray.Create(written);
            written = null;
        }
        return loaded;
    }
}
