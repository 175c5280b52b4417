using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Flow;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM004;

/// <summary>Pages released with their allocation's order, or with an order that cannot be known: no KMEM004.</summary>
public sealed class OrderMismatchNotReportedTests
{
    public static TheoryData<string> Cases() => new()
    {
        "static class A { const int O = 2; static void f() { ulong a = __get_free_pages(GFP_KERNEL, O); free_pages(a, O); } }",
        // two constants of the same value
        "static class A { const int O = 2; const int P = 2; static void f() { ulong a = __get_free_pages(GFP_KERNEL, O); free_pages(a, P); } }",
        "static class A { const long SZ = 307200; static void f() { page p = alloc_pages(GFP_KERNEL, get_order(SZ)); if (p == null) return; __free_pages(p, get_order(SZ)); } }",
        // get_order(SZ) equals the literal 7
        "static class A { const long SZ = 307200; static void f() { page p = alloc_pages(GFP_KERNEL, get_order(SZ)); if (p == null) return; __free_pages(p, 7); } }",
        "static class A { static void f() { page p = alloc_page(GFP_KERNEL); if (p == null) return; __free_page(p); } }",
        "static class A { static void f() { ulong a = __get_free_page(GFP_KERNEL); free_page(a); } }",
        "static class A { static void f() { ulong a = get_zeroed_page(GFP_KERNEL); free_pages(a, 0); } }",
        // orders that are not constants are not judged
        "static class A { static void f(int order, int other) { ulong a = __get_free_pages(GFP_KERNEL, order); free_pages(a, other); } }",
        "static class A { static void f(int order) { ulong a = __get_free_pages(GFP_KERNEL, 1); free_pages(a, order); } }",
        // module fields, each with its own order
        """
        static class Rings
        {
            const int CMD_RING_ORDER = 3;
            const int EVT_RING_ORDER = 2;
            static ulong cmd_ring, evt_ring;
            [ModuleInit]
            static int init()
            {
                cmd_ring = __get_free_pages(GFP_KERNEL, CMD_RING_ORDER);
                if (cmd_ring == 0) return -ENOMEM;
                evt_ring = __get_free_pages(GFP_KERNEL, EVT_RING_ORDER);
                if (evt_ring == 0) { free_pages(cmd_ring, CMD_RING_ORDER); return -ENOMEM; }
                return 0;
            }
            [ModuleExit]
            static void exit() { free_pages(evt_ring, EVT_RING_ORDER); free_pages(cmd_ring, CMD_RING_ORDER); }
        }
        """,
        // device field across probe and remove
        """
        sealed class dma_dev { public ulong desc; }
        static class Dma
        {
            const int DESC_ORDER = 2;
            static int probe(dma_dev dev) { dev.desc = __get_free_pages(GFP_KERNEL, DESC_ORDER); return dev.desc == 0 ? -ENOMEM : 0; }
            static void remove(dma_dev dev) { free_pages(dev.desc, DESC_ORDER); }
        }
        """,
        // static readonly on both sides
        "static class A { static readonly int O = 1; static void f() { ulong a = __get_free_pages(GFP_KERNEL, O); free_pages(a, 1); } }",
        // a field assigned with two different orders in two places: the release matches one of them
        """
        static class Two
        {
            static ulong buf;
            static void small() { buf = __get_free_pages(GFP_KERNEL, 1); }
            static void big() { buf = __get_free_pages(GFP_KERNEL, 3); }
            static void put() { free_pages(buf, 3); }
        }
        """,
        // a parameter of unknown origin
        "static class A { static void put(ulong a) { free_pages(a, 3); } }",
        // the cast round trip keeps the order
        "static class A { const int W = 1; static void f() { KPtr w = (KPtr)__get_free_pages(GFP_KERNEL, W); if (!w) return; free_pages((ulong)w, W); } }",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task NotReported(string source) => AnalyzerVerifier<OrderMismatchAnalyzer>.VerifyAsync(source);

    [Fact]
    public Task SeedModuleIsClean() => AnalyzerVerifier<OrderMismatchAnalyzer>.VerifyAsync(SeedModule.Source);
}
