using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kmem.Bench;

/// <summary>The KMEM analyzers against compiling alone, on a corpus of driver-like code.</summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private CSharpCompilation compilation = null!;

    [Params(10_000, 100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => compilation = CompilationFactory.Create(DriverCorpus.Files(Lines));

    [Benchmark(Baseline = true)]
    public int Compile() => compilation.Clone().GetDiagnostics().Length;

    [Benchmark]
    public int Analyze() => CompilationFactory.Analyze(compilation.Clone()).Length;
}

/// <summary>One method as it grows: the cost must grow linearly with its length, not with its paths.</summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private CSharpCompilation compilation = null!;

    [Params(10, 20, 40, 80, 160)]
    public int Blocks { get; set; }

    [GlobalSetup]
    public void Setup() => compilation = CompilationFactory.Create(new[] { DriverCorpus.WideMethod(Blocks) });

    [Benchmark]
    public int Analyze() => CompilationFactory.Analyze(compilation.Clone()).Length;
}
