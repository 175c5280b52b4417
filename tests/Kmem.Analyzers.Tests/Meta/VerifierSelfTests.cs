using System;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Kmem.Analyzers.Tests.Meta.Doubles;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>The verifiers do what rule tests rely on: Kmem in scope, markup, fixes with Fix All, and failing on errors.</summary>
public sealed class VerifierSelfTests
{
    [Fact]
    public Task MarkupDiagnosticIsExpectedWithoutWritingTheUsings() =>
        AnalyzerVerifier<GfpKernelAnalyzer>.VerifyAsync("""
            static class Driver
            {
                static KPtr Alloc() => kmalloc(64, {|KTEST01:GFP_KERNEL|});
            }
            """);

    [Fact]
    public Task SourcesMayWriteTheUsingsThemselves() =>
        AnalyzerVerifier<GfpKernelAnalyzer>.VerifyAsync("""
            using Kmem;
            using static Kmem.Kernel;

            static class Driver
            {
                static KPtr Alloc() => kmalloc(64, {|#0:GFP_KERNEL|});
            }
            """,
            AnalyzerVerifier<GfpKernelAnalyzer>.Diagnostic().WithLocation(0));

    [Fact]
    public async Task CompilerErrorFailsTheTest()
    {
        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            AnalyzerVerifier<GfpKernelAnalyzer>.VerifyAsync("static class Driver { static KPtr Alloc() => kmalloc(64); }"));

        Assert.Contains("CS7036", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzerExceptionFailsTheTest()
    {
        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            AnalyzerVerifier<ThrowingAnalyzer>.VerifyAsync("class C { }"));

        Assert.Contains("AD0001", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task FixIsAppliedToEachDiagnosticAndByFixAll() =>
        CodeFixVerifier<GfpKernelAnalyzer, GfpAtomicFix>.VerifyFixAsync("""
            static class Driver
            {
                static KPtr Small() => kmalloc(64, {|KTEST01:GFP_KERNEL|});
                static KPtr Large() => kzalloc(4096, {|KTEST01:GFP_KERNEL|} | __GFP_NOWARN);
            }
            """, """
            static class Driver
            {
                static KPtr Small() => kmalloc(64, GFP_ATOMIC);
                static KPtr Large() => kzalloc(4096, GFP_ATOMIC | __GFP_NOWARN);
            }
            """);

    [Fact]
    public Task NoFixIsVerifiedAsSuch() =>
        CodeFixVerifier<GfpKernelAnalyzer, NoFix>.VerifyNoFixAsync("""
            static class Driver
            {
                static KPtr Alloc() => kmalloc(64, {|#0:GFP_KERNEL|});
            }
            """,
            CodeFixVerifier<GfpKernelAnalyzer, NoFix>.Diagnostic().WithLocation(0));

    [Fact]
    public async Task OfferingAFixWhereNoneIsExpectedFailsTheTest()
    {
        const string source = """
            static class Driver
            {
                static KPtr Alloc() => kmalloc(64, {|KTEST01:GFP_KERNEL|});
            }
            """;

        await Assert.ThrowsAnyAsync<Exception>(() => CodeFixVerifier<GfpKernelAnalyzer, GfpAtomicFix>.VerifyNoFixAsync(source));
    }
}
