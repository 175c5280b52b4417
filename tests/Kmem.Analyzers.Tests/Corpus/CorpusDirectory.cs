using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kmem.Analyzers.Tests.Infrastructure;

namespace Kmem.Analyzers.Tests.Corpus;

/// <summary>The C# files of the shared corpus, by name.</summary>
public static class CorpusDirectory
{
    public static IReadOnlyList<string> FileNames =>
        RepositoryLayout.Corpus.GetFiles("*.cs")
            .Select(f => f.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<CorpusFile> OkFiles =>
        FileNames.Where(n => n.EndsWith("_ok.cs", StringComparison.Ordinal)).Select(CorpusFile.Load);
}
