using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Infrastructure;
using Kmem.CodeFixes;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM004;

public sealed class OrderMismatchCodeFixTests
{
    [Fact]
    public Task UsesTheAllocationsOrderExpression() => CodeFixVerifier<OrderMismatchAnalyzer, OrderMismatchCodeFix>.VerifyFixAsync("""
        static class Fb
        {
            const long FB_BYTES = 307200;
            static void f()
            {
                page pages = alloc_pages(GFP_KERNEL, get_order(FB_BYTES));
                if (pages == null)
                    return;
                __free_pages(pages, {|KMEM004:6|});
            }
        }
        """, """
        static class Fb
        {
            const long FB_BYTES = 307200;
            static void f()
            {
                page pages = alloc_pages(GFP_KERNEL, get_order(FB_BYTES));
                if (pages == null)
                    return;
                __free_pages(pages, get_order(FB_BYTES));
            }
        }
        """);

    [Fact]
    public Task FixAllAcrossMethodsThroughFields() => CodeFixVerifier<OrderMismatchAnalyzer, OrderMismatchCodeFix>.VerifyFixAsync("""
        static class Rings
        {
            const int CMD_RING_ORDER = 3;
            const int EVT_RING_ORDER = 2;
            static ulong cmd_ring, evt_ring;
            static void init()
            {
                cmd_ring = __get_free_pages(GFP_KERNEL, CMD_RING_ORDER);
                evt_ring = __get_free_pages(GFP_KERNEL, EVT_RING_ORDER);
            }
            static void exit()
            {
                free_pages(evt_ring, {|KMEM004:CMD_RING_ORDER|});
                free_pages(cmd_ring, {|KMEM004:EVT_RING_ORDER|});
            }
        }
        """, """
        static class Rings
        {
            const int CMD_RING_ORDER = 3;
            const int EVT_RING_ORDER = 2;
            static ulong cmd_ring, evt_ring;
            static void init()
            {
                cmd_ring = __get_free_pages(GFP_KERNEL, CMD_RING_ORDER);
                evt_ring = __get_free_pages(GFP_KERNEL, EVT_RING_ORDER);
            }
            static void exit()
            {
                free_pages(evt_ring, EVT_RING_ORDER);
                free_pages(cmd_ring, CMD_RING_ORDER);
            }
        }
        """);

    [Fact]
    public Task NoFixForAFixedOrderRelease() => CodeFixVerifier<OrderMismatchAnalyzer, OrderMismatchCodeFix>.VerifyNoFixAsync("""
        static class One
        {
            static void f()
            {
                page pg = alloc_pages(GFP_KERNEL, 2);
                if (pg == null)
                    return;
                {|KMEM004:__free_page(pg)|};
            }
        }
        """);
}
