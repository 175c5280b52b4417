using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>
/// The extra source file the verifiers add next to the code under test, so a test source can call the
/// Kmem API without writing <c>using Kmem; using static Kmem.Kernel;</c> (writing them anyway is fine).
/// </summary>
public static class KmemGlobalUsings
{
    public const string FileName = "/0/KmemGlobalUsings.cs";

    public const string Source = "global using Kmem;\nglobal using static Kmem.Kernel;\n";

    /// <summary>Adds the file to a state that has sources of its own; a state without sources inherits them.</summary>
    public static void AddTo(SolutionState state)
    {
        if (state.Sources.Count > 0)
            state.Sources.Add((FileName, Source));
    }
}
