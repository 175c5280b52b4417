using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.ZeroingAllocatorAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.ZeroingAllocatorAnalyzer, Kmem.CodeFixes.ZeroingAllocatorCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM013;

public sealed class ZeroingAllocatorTests
{
    [Theory]
    [InlineData("static void f() { KPtr p = {|KMEM013:kmalloc(BUF_SIZE, GFP_KERNEL)|}; memset(p, 0, BUF_SIZE); kfree(p); }")]
    [InlineData("static int f(net_dev dev) { dev.rx_ring = {|KMEM013:kmalloc(BUF_SIZE, GFP_KERNEL)|}; if (!dev.rx_ring) return -ENOMEM; memset(dev.rx_ring, 0, BUF_SIZE); return 0; }")]
    [InlineData("static int f(long len) { shared_buf = {|KMEM013:vmalloc(len)|}; if (shared_buf == NULL) { pr_err(\"no mem\\n\"); return -ENOMEM; } memset(shared_buf, 0, len); return 0; }")]
    [InlineData("static int f(int n) { KPtr p = {|KMEM013:kmalloc_array(n, BUF_SIZE, GFP_KERNEL)|}; if (!p) return -ENOMEM; memset(p, 0, n * BUF_SIZE); kfree(p); return 0; }")]
    [InlineData("static int f(int n) { KPtr p = {|KMEM013:kvmalloc_array(n, 8, GFP_KERNEL)|}; if (!p) return -ENOMEM; memset(p, 0, 8 * n); kvfree(p); return 0; }")]
    [InlineData("static void f() { KPtr p = {|KMEM013:kvmalloc(RING_BYTES, GFP_KERNEL)|}; memset(p, 0, 64 * 1024); kvfree(p); }")]
    [InlineData("static void f() { KPtr p = {|KMEM013:kmalloc_array(4, 64, GFP_KERNEL)|}; memset(p, 0, 256); kfree(p); }")]
    [InlineData("static void f() { KPtr p; p = {|KMEM013:kmalloc(BUF_SIZE, GFP_ATOMIC)|}; if (p == NULL) return; memset(p, 0, BUF_SIZE); kfree(p); }")]
    public Task Flags_an_allocation_zeroed_whole_right_after(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static void f() { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); memset(p, 0, 16); kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); memset(p, 0xff, BUF_SIZE); kfree(p); }")]
    [InlineData("static void f() { KPtr p = kzalloc(BUF_SIZE, GFP_KERNEL); memset(p, 0, BUF_SIZE); kfree(p); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); memcpy(p, dev.regs, 8); memset(p, 0, BUF_SIZE); kfree(p); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); memset(dev.regs, 0, BUF_SIZE); kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL | __GFP_ZERO); memset(p, 0, BUF_SIZE); kfree(p); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kmem_cache_alloc(dev.cache, GFP_KERNEL); memset(p, 0, 64); kmem_cache_free(dev.cache, p); }")]
    [InlineData("static void f(long len) { KPtr p = vmalloc(len); if (!p) { len = 0; return; } memset(p, 0, len); vfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); if (!p) kfree(p); memset(p, 0, BUF_SIZE); kfree(p); }")]
    public Task Accepts_partial_or_later_or_needed_clears(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_zeroing_variant() =>
        Verify.VerifyAsync(Driver.Module("static void f() { KPtr p = {|#0:vmalloc(BUF_SIZE)|}; memset(p, 0, BUF_SIZE); vfree(p); }"),
            Expected().WithArguments("vmalloc", "vzalloc"));

    [Fact]
    public Task Fix_uses_the_zeroing_variant_and_removes_the_memset_with_fix_all() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static int probe(net_dev dev, int n)
                {
                    dev.rx_ring = {|KMEM013:kmalloc(BUF_SIZE, GFP_KERNEL)|};
                    if (!dev.rx_ring)
                        return -ENOMEM;
                    memset(dev.rx_ring, 0, BUF_SIZE);
                    KPtr table = {|KMEM013:vmalloc(RING_BYTES)|};
                    memset(table, 0, RING_BYTES);
                    dev.regs = {|KMEM013:kmalloc_array(n, 8, GFP_KERNEL)|};
                    memset(dev.regs, 0, n * 8);
                    vfree(table);
                    return 0;
                }
            """), Driver.Module("""
                static int probe(net_dev dev, int n)
                {
                    dev.rx_ring = kzalloc(BUF_SIZE, GFP_KERNEL);
                    if (!dev.rx_ring)
                        return -ENOMEM;
                    KPtr table = vzalloc(RING_BYTES);
                    dev.regs = kcalloc(n, 8, GFP_KERNEL);
                    vfree(table);
                    return 0;
                }
            """));

    /// <summary>The diagnostic at markup location 0; its additional locations (the fix's plan) are not part of the message tests.</summary>
    private static DiagnosticResult Expected() =>
        Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
