using System;
using System.Collections.Generic;
using System.IO;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>
/// Finds the repository root (the folder with the solution, found walking up from the test output) and
/// the shared corpus: <c>&lt;root&gt;/../shared/corpus</c>, or <c>shared/corpus</c> under any further ancestor
/// (a git worktree at /work/wt/x next to /work/shared).
/// </summary>
public static class RepositoryLayout
{
    public const string SolutionFileName = "KmemAnalyzers.sln";

    private static readonly Lazy<DirectoryInfo> RootDirectory = new(FindRoot);
    private static readonly Lazy<DirectoryInfo> CorpusDirectory = new(FindCorpus);

    public static DirectoryInfo Root => RootDirectory.Value;

    public static DirectoryInfo Corpus => CorpusDirectory.Value;

    /// <summary>A file of the repository by its path from the root, with '/' separators.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root.FullName, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string RulePage(string id) => PathOf($"docs/rules/{id}.md");

    private static DirectoryInfo FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                return dir;
        }
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} contains {SolutionFileName}: cannot find the repository root.");
    }

    private static DirectoryInfo FindCorpus()
    {
        var tried = new List<string>();
        for (DirectoryInfo? dir = Root.Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
                return new DirectoryInfo(candidate);
            tried.Add(candidate);
        }
        throw new DirectoryNotFoundException("The shared analyzer corpus was not found. Looked in: " + string.Join(", ", tried));
    }
}
