namespace Kmem.Bench;

/// <summary>
/// Writes the generated corpus as a project that references the Kmem runtime and analyzers, for timed builds; with
/// <c>-p:KmemAnalyzers=false</c> the build does the same work up to the compiler, whose command line lacks the analyzers
/// (timed builds compare the two: MSBuild's own work, checking one more project, runs alongside the compiler).
/// </summary>
internal static class GeneratedProject
{
    public static void Write(string directory, int lines, CorpusKind kind)
    {
        Directory.CreateDirectory(directory);
        var repo = FindRepository();
        var index = 0;
        foreach (var file in DriverCorpus.Files(lines, kind))
            File.WriteAllText(Path.Combine(directory, $"Drivers{index++}.cs"), file);
        File.WriteAllText(Path.Combine(directory, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>disable</Nullable>
                <NoWarn>$(NoWarn);CS0164;CS8981</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repo}/src/Runtime/Kmem.Runtime.csproj" />
                <ProjectReference Include="{repo}/src/Analyzers/Kmem.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <!-- -p:KmemAnalyzers=false: the same build (the analyzers' project is still checked), without the analyzers on the compiler's command line. -->
              <Target Name="KmemDropAnalyzers" BeforeTargets="CoreCompile" Condition="'$(KmemAnalyzers)' == 'false'">
                <ItemGroup>
                  <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'Kmem.Analyzers'" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        Console.WriteLine($"wrote {index} files to {directory}");
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KmemAnalyzers.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("KmemAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
