using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.BadSizeOrOrderAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.BadSizeOrOrderAnalyzer, Kmem.CodeFixes.BadSizeOrOrderCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM010;

public sealed class BadSizeOrOrderTests
{
    [Theory]
    [InlineData("static KPtr f() => kmalloc({|KMEM010:KMALLOC_MAX_SIZE + 1|}, GFP_KERNEL);")]
    [InlineData("static KPtr f() => kzalloc({|KMEM010:8L * 1024 * 1024|}, GFP_KERNEL);")]
    [InlineData("static KPtr f() => {|KMEM010:kcalloc(1024, 8192, GFP_KERNEL)|};")]
    [InlineData("static KPtr f() => kmalloc({|KMEM010:0|}, GFP_KERNEL);")]
    [InlineData("static KPtr f() => vmalloc({|KMEM010:-1|});")]
    [InlineData("static KPtr f() => kmalloc_array({|KMEM010:0|}, BUF_SIZE, GFP_KERNEL);")]
    [InlineData("static ulong f() => __get_free_pages(GFP_KERNEL, {|KMEM010:MAX_PAGE_ORDER + 1|});")]
    [InlineData("static ulong f() => __get_free_pages(GFP_KERNEL, {|KMEM010:-1|});")]
    [InlineData("static void f(ulong addr) => free_pages(addr, {|KMEM010:(int)PAGE_SIZE|});")]
    [InlineData("static page f() => alloc_pages(GFP_KERNEL, {|KMEM010:get_order(8L * 1024 * 1024)|});")]
    [InlineData("static int f() => {|KMEM010:get_order(0)|};")]
    [InlineData("static readonly long HUGE = 16 * KMALLOC_MAX_SIZE; static KPtr f() => kmalloc({|KMEM010:HUGE|}, GFP_KERNEL);")]
    [InlineData("static KPtr f() { const int n = 0; return kzalloc({|KMEM010:n|}, GFP_KERNEL); }")]
    public Task Flags_a_size_or_order_that_cannot_succeed(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static KPtr f() => kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL);")]
    [InlineData("static KPtr f(long len) => kmalloc(len, GFP_KERNEL);")]
    [InlineData("static KPtr f() => vmalloc(64L * 1024 * 1024);")]
    [InlineData("static KPtr f() => kvmalloc(64L * 1024 * 1024, GFP_KERNEL);")]
    [InlineData("static ulong f() => __get_free_pages(GFP_KERNEL, MAX_PAGE_ORDER);")]
    [InlineData("static page f() => alloc_pages(GFP_KERNEL, get_order(RING_BYTES));")]
    [InlineData("static void f(ulong addr) => free_pages(addr, get_order(BUF_SIZE));")]
    [InlineData("static int f(long n) => get_order(n);")]
    [InlineData("static KPtr f(int n) => kcalloc(n, 1L << 20, GFP_KERNEL);")]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, GFP_KERNEL);")]
    public Task Accepts_sizes_and_orders_that_can_succeed(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Reports_the_limit_in_the_message() =>
        Verify.VerifyAsync(Driver.Module("static KPtr f() => kmalloc({|#0:KMALLOC_MAX_SIZE * 2|}, GFP_KERNEL);"),
            Expected()
                .WithArguments("kmalloc cannot allocate 8388608 bytes: its largest size is 4194304; use kvmalloc"));

    [Fact]
    public Task Reports_an_order_above_the_runtime_maximum() =>
        Verify.VerifyAsync(Driver.Module("static ulong f() => __get_free_pages(GFP_KERNEL, {|#0:11|});"),
            Expected()
                .WithArguments("__get_free_pages is given order 11, above MAX_PAGE_ORDER (10): the page allocator serves no such block"));

    [Fact]
    public Task Fix_switches_a_confined_buffer_and_its_releases_to_kvmalloc_with_fix_all() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static int dump_regs(net_dev dev)
                {
                    KPtr snap = kmalloc({|KMEM010:8L * 1024 * 1024|}, GFP_KERNEL);
                    if (snap == NULL)
                        return -ENOMEM;
                    memcpy(snap, dev.regs, 64);
                    kfree(snap);
                    KPtr log = kzalloc({|KMEM010:KMALLOC_MAX_SIZE + 4096|}, GFP_KERNEL);
                    if (!log)
                        return -ENOMEM;
                    kvfree(log);
                    return 0;
                }
            """), Driver.Module("""
                static int dump_regs(net_dev dev)
                {
                    KPtr snap = kvmalloc(8L * 1024 * 1024, GFP_KERNEL);
                    if (snap == NULL)
                        return -ENOMEM;
                    memcpy(snap, dev.regs, 64);
                    kvfree(snap);
                    KPtr log = kvzalloc(KMALLOC_MAX_SIZE + 4096, GFP_KERNEL);
                    if (!log)
                        return -ENOMEM;
                    kvfree(log);
                    return 0;
                }
            """));

    [Theory]
    [InlineData("static void f(net_dev dev) { dev.rx_ring = kmalloc({|KMEM010:8L * 1024 * 1024|}, GFP_KERNEL); }")]
    [InlineData("static KPtr f() { KPtr p = kmalloc({|KMEM010:8L * 1024 * 1024|}, GFP_KERNEL); return p; }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kmalloc({|KMEM010:8L * 1024 * 1024|}, GFP_KERNEL); dev.regs = p; }")]
    [InlineData("static void f() { KPtr p = kmalloc({|KMEM010:8L * 1024 * 1024|}, GFP_KERNEL); p = kmalloc(16, GFP_KERNEL); kfree(p); }")]
    public Task Offers_no_fix_when_the_pointer_leaves_the_method(string members) => VerifyFix.VerifyNoFixAsync(Driver.Module(members));

    /// <summary>The diagnostic at markup location 0; its additional locations (the fix's plan) are not part of the message tests.</summary>
    private static DiagnosticResult Expected() =>
        Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
