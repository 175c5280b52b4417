using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.OpenCodedMultiplicationAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.OpenCodedMultiplicationAnalyzer, Kmem.CodeFixes.OpenCodedMultiplicationCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM012;

public sealed class OpenCodedMultiplicationTests
{
    [Theory]
    [InlineData("static KPtr f(int n) => kmalloc({|KMEM012:n * BUF_SIZE|}, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => kzalloc({|KMEM012:BUF_SIZE * n|}, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => vmalloc({|KMEM012:n * sizeof(long)|});")]
    [InlineData("static KPtr f(int n) => vzalloc({|KMEM012:(long)n * 16|});")]
    [InlineData("static KPtr f(long n, long size) => kvmalloc({|KMEM012:n * size|}, GFP_KERNEL);")]
    [InlineData("static KPtr f(net_dev dev) => kvzalloc({|KMEM012:dev.rx_count * RX_ENTRIES|}, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => kmalloc({|KMEM012:(n + 1) * BUF_SIZE|}, GFP_ATOMIC);")]
    [InlineData("static KPtr f(int a, int b) => kmalloc({|KMEM012:a * b|}, GFP_KERNEL);")]
    public Task Flags_a_size_that_multiplies_a_variable(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static KPtr f() => kmalloc(RX_ENTRIES * BUF_SIZE, GFP_KERNEL);")]
    [InlineData("static KPtr f() => kmalloc(RING_BYTES * 2, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => kmalloc_array(n, BUF_SIZE, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => kcalloc(n, BUF_SIZE, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => kmalloc(BUF_SIZE + n * 4, GFP_KERNEL);")]
    [InlineData("static KPtr f(long len) => kmalloc(len, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => kmemdup(shared_buf, n * 4, GFP_KERNEL);")]
    [InlineData("static KPtr f(int n) => vcalloc(n, 64);")]
    public Task Accepts_checked_or_constant_sizes(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_operands_and_the_variant() =>
        Verify.VerifyAsync(Driver.Module("static KPtr f(int n) => kzalloc({|#0:n * BUF_SIZE|}, GFP_KERNEL);"),
            Expected().WithArguments("kzalloc", "n", "BUF_SIZE", "kcalloc"));

    [Fact]
    public Task Fix_calls_the_array_variant_with_fix_all() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static void probe(net_dev dev, int n)
                {
                    dev.rx_ring = kmalloc({|KMEM012:n * BUF_SIZE|}, GFP_KERNEL);
                    dev.regs = kzalloc({|KMEM012:16 * n|}, GFP_KERNEL);
                    shared_buf = vmalloc({|KMEM012:n * sizeof(long)|});
                    shared_buf = vzalloc({|KMEM012:n * dev.rx_count|});
                    dev.rx_ring = kvmalloc({|KMEM012:dev.rx_count * BUF_SIZE|}, GFP_KERNEL);
                    dev.regs = kvzalloc({|KMEM012:(n + 1) * 8|}, GFP_KERNEL);
                }
            """), Driver.Module("""
                static void probe(net_dev dev, int n)
                {
                    dev.rx_ring = kmalloc_array(n, BUF_SIZE, GFP_KERNEL);
                    dev.regs = kcalloc(n, 16, GFP_KERNEL);
                    shared_buf = vmalloc_array(n, sizeof(long));
                    shared_buf = vcalloc(n, dev.rx_count);
                    dev.rx_ring = kvmalloc_array(dev.rx_count, BUF_SIZE, GFP_KERNEL);
                    dev.regs = kvcalloc((n + 1), 8, GFP_KERNEL);
                }
            """));

    /// <summary>The diagnostic at markup location 0; its additional locations (the fix's plan) are not part of the message tests.</summary>
    private static DiagnosticResult Expected() =>
        Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
