using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Kmem.Analyzers.Tests.Infrastructure;

namespace Kmem.Analyzers.Tests.Corpus;

/// <summary>A corpus file and the KMEM IDs its first line, <c>// expect: KMEM001 KMEM002</c> or <c>// expect: none</c>, says it raises.</summary>
public sealed record CorpusFile(string Name, string Text, ImmutableArray<string> ExpectedIds)
{
    private const string HeaderPrefix = "// expect:";
    private static readonly Regex RuleId = new("^KMEM[0-9]{3}$", RegexOptions.CultureInvariant);

    public SourceFile Source => new(Name, Text);

    public static CorpusFile Load(string name)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryLayout.Corpus.FullName, name));
        return new CorpusFile(name, text, ParseHeader(name, text));
    }

    private static ImmutableArray<string> ParseHeader(string name, string text)
    {
        string firstLine = text.Split('\n')[0].TrimEnd('\r');
        if (!firstLine.StartsWith(HeaderPrefix, StringComparison.Ordinal))
            throw new FormatException($"{name}: line 1 must be '{HeaderPrefix} KMEMnnn ...' or '{HeaderPrefix} none', but is '{firstLine}'.");

        string[] words = firstLine.Substring(HeaderPrefix.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["none"])
            return ImmutableArray<string>.Empty;
        if (words.Length == 0 || !words.All(RuleId.IsMatch))
            throw new FormatException($"{name}: line 1 must list KMEMnnn IDs or 'none', but is '{firstLine}'.");
        return words.ToImmutableArray();
    }
}
