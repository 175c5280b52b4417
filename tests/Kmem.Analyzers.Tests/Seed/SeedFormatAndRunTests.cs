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
        var run = await DotnetCommand.RunAsync(copy.FullName, Timeout, "run", "--project", project, "--no-build");
        Assert.True(run.ExitCode == 0, "the seed does not run:\n" + run.Output);
        return run.Output;
    }

    private static ulong[] Addresses(string output) =>
        AddressLine.Matches(output).Select(m => ulong.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Copies the sample's sources next to a project that references the runtime and the analyzers this test
    /// was built with (the assemblies built from src/), by absolute path.
    /// </summary>
    private string CopySample()
    {
        string sample = RepositoryLayout.PathOf("samples/SeedModule");
        foreach (var source in Directory.GetFiles(sample, "*.cs"))
            File.Copy(source, Path.Combine(copy.FullName, Path.GetFileName(source)));
        string built = AppContext.BaseDirectory;
        string project = Path.Combine(copy.FullName, "SeedModule.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>disable</Nullable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS0164;IDE1006;CS8981</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Kmem.Runtime" HintPath="{Path.Combine(built, "kmem-net8", "Kmem.Runtime.dll")}" />
                <Analyzer Include="{Path.Combine(built, "Kmem.Analyzers.dll")}" />
                <Analyzer Include="{Path.Combine(built, "Kmem.CodeFixes.dll")}" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }
}
