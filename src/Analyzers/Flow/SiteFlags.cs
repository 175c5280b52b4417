using System;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The abstract value of one allocation site: the set of states it may be in, one bit per state,
/// joined by union where paths merge. "Escaped" states have been stored, returned or handed over:
/// somebody else owns them, so they cannot leak, but they keep their checkedness.
/// </summary>
[Flags]
internal enum SiteFlags : byte
{
    None = 0,
    /// <summary>Allocated, owned here, not yet tested for failure.</summary>
    Unchecked = 1 << 0,
    /// <summary>Allocated, owned here, tested and known not to have failed.</summary>
    NonNull = 1 << 1,
    /// <summary>The allocation failed on this path (NULL, 0 or an error pointer).</summary>
    Null = 1 << 2,
    /// <summary>Released by a call of some family.</summary>
    Released = 1 << 3,
    /// <summary>Handed over before any failure test.</summary>
    EscapedUnchecked = 1 << 4,
    /// <summary>Handed over after a successful failure test.</summary>
    EscapedNonNull = 1 << 5,

    /// <summary>Owned and possibly allocated: what a leak is made of.</summary>
    Live = Unchecked | NonNull,
    /// <summary>Not yet tested, whoever owns it.</summary>
    AnyUnchecked = Unchecked | EscapedUnchecked,
    /// <summary>Allocated and not released, whoever owns it.</summary>
    Allocated = Unchecked | NonNull | EscapedUnchecked | EscapedNonNull,
}

internal static class SiteFlagsExtensions
{
    /// <summary>The value after the site is handed over to an owner outside this method.</summary>
    public static SiteFlags Escape(this SiteFlags flags)
    {
        var result = flags & ~SiteFlags.Live;
        if ((flags & SiteFlags.Unchecked) != 0) result |= SiteFlags.EscapedUnchecked;
        if ((flags & SiteFlags.NonNull) != 0) result |= SiteFlags.EscapedNonNull;
        return result;
    }

    /// <summary>The value on the edge where a failure test said the site failed.</summary>
    public static SiteFlags Failed(this SiteFlags flags)
    {
        var result = flags & SiteFlags.Released;
        if ((flags & (SiteFlags.AnyUnchecked | SiteFlags.Null)) != 0) result |= SiteFlags.Null;
        return result;
    }

    /// <summary>The value on the edge where a failure test said the site succeeded.</summary>
    public static SiteFlags Succeeded(this SiteFlags flags)
    {
        var result = flags & ~(SiteFlags.AnyUnchecked | SiteFlags.Null);
        if ((flags & SiteFlags.Unchecked) != 0) result |= SiteFlags.NonNull;
        if ((flags & SiteFlags.EscapedUnchecked) != 0) result |= SiteFlags.EscapedNonNull;
        return result;
    }
}
