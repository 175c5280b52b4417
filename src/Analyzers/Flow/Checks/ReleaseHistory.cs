using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Flow.Checks;

/// <summary>Finds and describes the release that may already have released a site, for the double-release and use-after-release rules.</summary>
internal static class ReleaseHistory
{
    /// <summary>
    /// The release of <paramref name="site"/> other than <paramref name="at"/> nearest before it, or after it (a
    /// backward jump), or null when only <paramref name="at"/> itself releases it (an earlier pass of a loop).
    /// </summary>
    public static ReleaseEvent? Earlier(PointerFacts facts, AllocationSite site, IOperation at)
    {
        ReleaseEvent? before = null, after = null;
        var position = at.Syntax.SpanStart;
        foreach (var release in facts.Log.Releases)
        {
            if ((release.Sites & site.Bit) == 0 || ReferenceEquals(release.Call, at) || release.Call.Syntax.Span.Contains(at.Syntax.Span))
                continue;
            var start = release.Call.Syntax.SpanStart;
            if (start < position && (before is null || start > before.Call.Syntax.SpanStart))
                before = release;
            else if (start >= position && (after is null || start < after.Call.Syntax.SpanStart))
                after = release;
        }
        return before ?? after;
    }

    /// <summary>Where it was released: <c>by kfree at line 12</c>, or on an earlier pass.</summary>
    public static string Describe(ReleaseEvent? earlier) =>
        earlier is null ? "on an earlier pass through this code"
            : $"by {earlier.Call.TargetMethod.Name} at line {earlier.Call.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

    /// <summary>How the message names the memory.</summary>
    public static string Memory(AllocationSite site) =>
        site.Parameter is { } parameter ? $"The memory '{parameter.Name}' points to" : $"The memory allocated by {site.Allocator}";
}
