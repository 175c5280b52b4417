using System.Collections.Immutable;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Kmem.Analyzers.Tests.Meta.Doubles;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>The KmemAnalyzer base runs a rule only where the Kmem runtime is referenced; the runner reports analyzer exceptions.</summary>
public sealed class KmemAnalyzerBaseTests
{
    private static readonly SourceFile LookalikeSource = new("Lookalike.cs", """
        static class Kernel
        {
            public const uint GFP_KERNEL = 0xcc0;
            static uint Flags() => GFP_KERNEL;
        }
        """);

    private static readonly SourceFile KmemSource = new("Driver.cs", """
        using Kmem;
        using static Kmem.Kernel;

        static class Driver
        {
            static KPtr Alloc() => kmalloc(64, GFP_KERNEL);
        }
        """);

    [Fact]
    public async Task WithoutTheRuntimeTheRuleRegistersAndReportsNothing()
    {
        var analyzer = new GfpKernelAnalyzer();
        CSharpCompilation compilation = await KmemCompilationFactory.CreateAsync("NoKmem", new[] { LookalikeSource }, withKmemRuntime: false);

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));

        Assert.Empty(result.CompilerErrors);
        Assert.Empty(result.AnalyzerDiagnostics);
        Assert.Equal(0, AnalyzerActions.CountBeyondCompilationStart(result.Telemetry[analyzer]));
    }

    [Fact]
    public async Task WithTheRuntimeTheRuleRuns()
    {
        var analyzer = new GfpKernelAnalyzer();
        CSharpCompilation compilation = await KmemCompilationFactory.CreateAsync("Kmem", new[] { KmemSource }, withKmemRuntime: true);

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));

        Assert.Empty(result.CompilerErrors);
        Assert.Equal(GfpKernelAnalyzer.Id, Assert.Single(result.AnalyzerDiagnostics).Id);
        Assert.Equal(1, AnalyzerActions.CountBeyondCompilationStart(result.Telemetry[analyzer]));
    }

    [Fact]
    public async Task RunnerReportsAnAnalyzerExceptionAsAD0001()
    {
        CSharpCompilation compilation = await KmemCompilationFactory.CreateAsync("Throws", new[] { KmemSource }, withKmemRuntime: true);

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));

        Assert.NotEmpty(result.AnalyzerExceptions);
    }
}
