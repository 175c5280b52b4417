using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// What the KMEM001 fix needs, carried in the diagnostic's properties: the spans of the reclaiming
/// mask names to rewrite and the mask to write instead. No properties: no safe fix.
/// </summary>
internal static class GfpRewriteProperties
{
    /// <summary>The spans, as <c>start:length</c> separated by <c>;</c>.</summary>
    public const string Spans = "GfpRewriteSpans";

    /// <summary>The mask written in place of each reclaiming one.</summary>
    public const string Replacement = "GfpReplacement";

    /// <summary>The non-sleeping mask of the runtime (a member of <c>gfp_t</c> and a constant of <c>Kernel</c>).</summary>
    public const string AtomicMask = "GFP_ATOMIC";

    internal static ImmutableDictionary<string, string?> Of(ImmutableArray<TextSpan> rewrites)
    {
        if (rewrites.IsEmpty)
            return ImmutableDictionary<string, string?>.Empty;
        var spans = new List<string>(rewrites.Length);
        foreach (var span in rewrites)
            spans.Add(span.Start.ToString(CultureInfo.InvariantCulture) + ":" + span.Length.ToString(CultureInfo.InvariantCulture));
        return ImmutableDictionary<string, string?>.Empty
            .Add(Spans, string.Join(";", spans))
            .Add(Replacement, AtomicMask);
    }

    /// <summary>The spans to rewrite, and the replacement; false when the diagnostic offers no fix.</summary>
    public static bool TryRead(Diagnostic diagnostic, out ImmutableArray<TextSpan> spans, out string replacement)
    {
        spans = ImmutableArray<TextSpan>.Empty;
        replacement = string.Empty;
        if (!diagnostic.Properties.TryGetValue(Spans, out var text) || text is null
            || !diagnostic.Properties.TryGetValue(Replacement, out var mask) || mask is null)
            return false;
        var builder = ImmutableArray.CreateBuilder<TextSpan>();
        foreach (var part in text.Split(';'))
        {
            var pieces = part.Split(':');
            if (pieces.Length != 2
                || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                return false;
            builder.Add(new TextSpan(start, length));
        }
        spans = builder.ToImmutable();
        replacement = mask;
        return spans.Length > 0;
    }
}
