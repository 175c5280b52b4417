using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.BadGfpFlagsAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.BadGfpFlagsAnalyzer, Kmem.CodeFixes.BadGfpFlagsCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM011;

public sealed class BadGfpFlagsTests
{
    [Theory]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, {|KMEM011:GFP_KERNEL | __GFP_HIGHMEM|});")]
    [InlineData("static KPtr f() => kzalloc(BUF_SIZE, {|KMEM011:GFP_HIGHUSER|});")]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, {|KMEM011:GFP_KERNEL | GFP_DMA32|});")]
    [InlineData("static ulong f() => __get_free_pages({|KMEM011:GFP_KERNEL | __GFP_HIGHMEM|}, 2);")]
    [InlineData("static ulong f() => get_zeroed_page({|KMEM011:__GFP_HIGHMEM | GFP_ATOMIC|});")]
    [InlineData("static KPtr f(net_dev dev) => kmem_cache_alloc(dev.cache, {|KMEM011:GFP_ATOMIC | __GFP_HIGHMEM|});")]
    [InlineData("static KPtr f() => kvmalloc(RING_BYTES, {|KMEM011:GFP_KERNEL | GFP_DMA|});")]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, {|KMEM011:GFP_KERNEL | GFP_ATOMIC|});")]
    [InlineData("static page f() => alloc_pages({|KMEM011:GFP_KERNEL | __GFP_NOFAIL|}, 3);")]
    [InlineData("static readonly gfp_t RX_GFP = GFP_ATOMIC | __GFP_HIGHMEM; static KPtr f() => kmalloc(BUF_SIZE, {|KMEM011:RX_GFP|});")]
    public Task Flags_gfp_flags_the_allocator_rejects(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, GFP_KERNEL);")]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, GFP_KERNEL | GFP_DMA);")]
    [InlineData("static page f() => alloc_pages(GFP_HIGHUSER, 2);")]
    [InlineData("static page f() => alloc_page(GFP_KERNEL | __GFP_HIGHMEM);")]
    [InlineData("static KPtr f() => kvmalloc(RING_BYTES, GFP_KERNEL | __GFP_ZERO);")]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, GFP_KERNEL | __GFP_HIGH);")]
    [InlineData("static page f() => alloc_pages(GFP_KERNEL | __GFP_NOFAIL, 1);")]
    [InlineData("static KPtr f(gfp_t gfp) => kmalloc(BUF_SIZE, gfp | __GFP_ZERO);")]
    [InlineData("static ulong f() => __get_free_pages(GFP_ATOMIC | __GFP_NOWARN, 3);")]
    public Task Accepts_flags_the_allocator_serves(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_rejected_flags() =>
        Verify.VerifyAsync(Driver.Module("static KPtr f() => kmalloc(BUF_SIZE, {|#0:GFP_HIGHUSER|});"),
            Expected()
                .WithArguments("kmalloc does not accept __GFP_HIGHMEM: the slab allocator serves no such zone"));

    [Fact]
    public Task Fix_drops_the_rejected_operands_with_fix_all() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static void probe(net_dev dev)
                {
                    dev.rx_ring = kmalloc(BUF_SIZE, {|KMEM011:GFP_KERNEL | __GFP_HIGHMEM|});
                    dev.regs = kvmalloc(RING_BYTES, {|KMEM011:__GFP_DMA32 | GFP_KERNEL | __GFP_ZERO|});
                    shared_buf = (KPtr)__get_free_pages({|KMEM011:GFP_ATOMIC | (__GFP_HIGHMEM)|}, 1);
                }
            """), Driver.Module("""
                static void probe(net_dev dev)
                {
                    dev.rx_ring = kmalloc(BUF_SIZE, GFP_KERNEL);
                    dev.regs = kvmalloc(RING_BYTES, GFP_KERNEL | __GFP_ZERO);
                    shared_buf = (KPtr)__get_free_pages(GFP_ATOMIC, 1);
                }
            """));

    [Theory]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, {|KMEM011:GFP_HIGHUSER|});")]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, {|KMEM011:GFP_KERNEL | GFP_ATOMIC|});")]
    [InlineData("static page f() => alloc_pages({|KMEM011:GFP_KERNEL | __GFP_NOFAIL|}, 4);")]
    [InlineData("static KPtr f() => kmalloc(BUF_SIZE, {|KMEM011:__GFP_HIGHMEM|});")]
    public Task Offers_no_fix_when_the_bits_cannot_be_dropped_alone(string members) => VerifyFix.VerifyNoFixAsync(Driver.Module(members));

    /// <summary>The diagnostic at markup location 0; its additional locations (the fix's plan) are not part of the message tests.</summary>
    private static DiagnosticResult Expected() =>
        Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
