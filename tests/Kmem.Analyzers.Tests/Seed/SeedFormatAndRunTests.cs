using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Seed;

/// <summary>
/// End to end on a copy of samples/SeedModule: <c>dotnet format analyzers</c> applies the KMEM005 fixes, the
/// fixed copy builds with no KMEM diagnostic, runs, prints the same three addresses as the original and leaks nothing.
/// </summary>
public sealed class SeedFormatAndRunTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private static readonly Regex AddressLine = new(@"^\[[^\]]*\]\s*(?<what>kmalloc space :|get_free_pages address:|vmalloc address:) 0x(?<hex>[0-9a-f]+)!",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly DirectoryInfo copy = Directory.CreateTempSubdirectory("kmem-seed-");

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task FormatFixesTheSeedWhichThenBuildsCleanAndRuns()
    {
        string project = CopySample();
        var original = await RunAsync(project);

        var format = await DotnetCommand.RunAsync(copy.FullName, Timeout, "format", "analyzers", project, "--diagnostics", "KMEM005", "--severity", "info");
        Assert.True(format.ExitCode == 0, "dotnet format analyzers failed:\n" + format.Output);
        string fixedModule = File.ReadAllText(Path.Combine(copy.FullName, "MemoryModule.cs"));
        Assert.False(fixedModule.Contains("IS_ERR(", StringComparison.Ordinal), "the fixes left an IS_ERR:\n" + fixedModule);

        var build = await DotnetCommand.RunAsync(copy.FullName, Timeout, "build", project, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, "the fixed copy does not build:\n" + build.Output);
        Assert.False(build.Output.Contains("KMEM0", StringComparison.Ordinal), "the fixed copy still has KMEM diagnostics:\n" + build.Output + "\n" + fixedModule);

        var run = await DotnetCommand.RunAsync(copy.FullName, Timeout, "run", "--project", project, "--no-build");
        Assert.True(run.ExitCode == 0, "the fixed module does not run cleanly:\n" + run.Output);
        Assert.Contains("Nothing leaked", run.Output, StringComparison.Ordinal);
        var addresses = Addresses(run.Output);
        Assert.True(addresses.Length == 3, "expected the kmalloc, get_free_pages and vmalloc lines:\n" + run.Output);
        Assert.True(addresses.All(a => a is >= 0xC0000000UL and <= 0xFFFFFFFFUL), "addresses outside 0xC0000000-0xFFFFFFFF:\n" + run.Output);
        Assert.True(addresses.SequenceEqual(Addresses(original)), $"the fixed module prints other addresses.\noriginal:\n{original}\nfixed:\n{run.Output}");
    }

    public void Dispose() => copy.Delete(recursive: true);

    /// <summary>Builds and runs the copy as it is, and returns what it printed.</summary>
    private async Task<string> RunAsync(string project)
    {
        var build = await DotnetCommand.RunAsync(copy.FullName, Timeout, "build", project, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, "the copy of the seed does not build:\n" + build.Output);
        var warnings = build.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("warning KMEM", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(warnings.Length == 3 && warnings.All(w => w.Contains("warning KMEM005", StringComparison.Ordinal)), "the seed's build must show its three KMEM005 warnings:\n" + build.Output);
        var run = await DotnetCommand.RunAsync(copy.FullName, Timeout, "run", "--project", project, "--no-build");
        Assert.True(run.ExitCode == 0, "the seed does not run:\n" + run.Output);
        return run.Output;
    }

    private static ulong[] Addresses(string output) =>
        AddressLine.Matches(output).Select(m => ulong.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Copies the sample as it is (its sources and its project, whose relative references to src/ become
    /// absolute), so that <c>dotnet format</c> sees the runtime as a project reference, as a user's IDE does.
    /// </summary>
    private string CopySample()
    {
        string sample = RepositoryLayout.PathOf("samples/SeedModule");
        foreach (var source in Directory.GetFiles(sample, "*.cs"))
            File.Copy(source, Path.Combine(copy.FullName, Path.GetFileName(source)));
        string project = Path.Combine(copy.FullName, "SeedModule.csproj");
        string root = RepositoryLayout.Root.FullName + Path.DirectorySeparatorChar;
        string text = File.ReadAllText(Path.Combine(sample, "SeedModule.csproj")).Replace(@"..\..\", root, StringComparison.Ordinal);
        Assert.True(text.Contains(root, StringComparison.Ordinal), "the sample project no longer references src/ through ..\\..\\:\n" + text);
        File.WriteAllText(project, text);
        return project;
    }
}
