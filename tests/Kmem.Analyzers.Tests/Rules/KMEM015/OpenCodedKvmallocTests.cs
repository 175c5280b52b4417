using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.OpenCodedKvmallocAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.OpenCodedKvmallocAnalyzer, Kmem.CodeFixes.OpenCodedKvmallocCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM015;

public sealed class OpenCodedKvmallocTests
{
    [Theory]
    [InlineData("static void f(long n) { KPtr p = {|KMEM015:kmalloc(n, GFP_KERNEL | __GFP_NOWARN)|}; if (!p) p = vmalloc(n); kvfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = {|KMEM015:kzalloc(n, GFP_KERNEL)|}; if (p == NULL) { p = vzalloc(n); } kvfree(p); }")]
    [InlineData("static void f(net_dev dev) { dev.rx_ring = {|KMEM015:kmalloc(RING_BYTES, GFP_KERNEL)|}; if (!dev.rx_ring) dev.rx_ring = vmalloc(RING_BYTES); }")]
    [InlineData("static void f(int n) { shared_buf = {|KMEM015:kcalloc(n, 64, GFP_KERNEL)|}; if (shared_buf == NULL) shared_buf = vcalloc(n, 64); }")]
    [InlineData("static void f(int n) { KPtr p; p = {|KMEM015:kmalloc_array(n, 64, GFP_KERNEL)|}; if (NULL == p) p = vmalloc_array(n, 64); kvfree(p); }")]
    [InlineData("static void f() { KPtr p = {|KMEM015:kmalloc(BUF_SIZE, GFP_ATOMIC)|}; if (!p) p = vmalloc(BUF_SIZE); kvfree(p); }")]
    [InlineData("static KPtr f(long n) { KPtr p = {|KMEM015:kmalloc(n, GFP_KERNEL)|}; if (!p) p = vmalloc(n); return p; }")]
    [InlineData("static void f() { KPtr p = {|KMEM015:Kernel.kmalloc(256, GFP_KERNEL)|}; if (!p) p = Kernel.vmalloc(BUF_SIZE); kvfree(p); }")]
    public Task Flags_kmalloc_with_a_vmalloc_fallback(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static void f(long n) { KPtr p = kmalloc(n, GFP_KERNEL); if (!p) p = vmalloc(n * 2); kvfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = kmalloc(n, GFP_KERNEL); if (!p) p = vzalloc(n); kvfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = kmalloc(n, GFP_KERNEL); if (!p) p = kmalloc(n, GFP_ATOMIC); kfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = kmalloc(n, GFP_KERNEL); if (!p) return; kfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = kmalloc(n, GFP_KERNEL); KPtr q = NULL; if (!p) q = vmalloc(n); kvfree(p); vfree(q); }")]
    [InlineData("static void f(long n) { KPtr p = kmalloc(n, GFP_KERNEL); if (!p) { pr_warn(\"fallback\\n\"); p = vmalloc(n); } kvfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = vmalloc(n); if (!p) p = kmalloc(n, GFP_KERNEL); kvfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = kvmalloc(n, GFP_KERNEL); if (!p) p = vmalloc(n); kvfree(p); }")]
    [InlineData("static void f(long n) { KPtr p = kmalloc(n, GFP_KERNEL); if (p != NULL) p = vmalloc(n); kvfree(p); }")]
    public Task Accepts_other_fallbacks(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_pair_and_the_variant() =>
        Verify.VerifyAsync(Driver.Module("static void f(long n) { KPtr p = {|#0:kzalloc(n, GFP_KERNEL)|}; if (!p) p = vzalloc(n); kvfree(p); }"),
            Expected().WithArguments("kzalloc", "vzalloc", "kvzalloc"));

    [Fact]
    public Task Fix_uses_the_variant_and_kvfree_with_fix_all() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static int load(net_dev dev, long n)
                {
                    KPtr table = {|KMEM015:kmalloc(n, GFP_KERNEL | __GFP_NOWARN)|};
                    if (!table)
                        table = vmalloc(n);
                    if (table == NULL)
                        return -ENOMEM;
                    KPtr scratch = {|KMEM015:kzalloc(BUF_SIZE, GFP_KERNEL)|};
                    if (scratch == NULL) {
                        scratch = vzalloc(BUF_SIZE);
                    }
                    memcpy(table, dev.regs, 8);
                    kvfree(scratch);
                    if (is_small(n))
                        kfree(table);
                    else
                        vfree(table);
                    return 0;
                }

                static bool is_small(long n) => n < 4096;
            """), Driver.Module("""
                static int load(net_dev dev, long n)
                {
                    KPtr table = kvmalloc(n, GFP_KERNEL | __GFP_NOWARN);
                    if (table == NULL)
                        return -ENOMEM;
                    KPtr scratch = kvzalloc(BUF_SIZE, GFP_KERNEL);
                    memcpy(table, dev.regs, 8);
                    kvfree(scratch);
                    if (is_small(n))
                        kvfree(table);
                    else
                        kvfree(table);
                    return 0;
                }

                static bool is_small(long n) => n < 4096;
            """));

    /// <summary>The diagnostic at markup location 0; its additional locations (the fix's plan) are not part of the message tests.</summary>
    private static DiagnosticResult Expected() =>
        Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
