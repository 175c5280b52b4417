using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM004;

/// <summary>Pages released with another order than they were allocated with: KMEM004 at the order.</summary>
public sealed class OrderMismatchReportedTests
{
    public static TheoryData<string> Cases() => new()
    {
        // error path frees the RX ring with the TX ring's order constant
        """
        sealed class snd_dev { public ulong rx_ring, tx_ring; }
        static class Snd
        {
            const int RX_RING_ORDER = 2;
            const int TX_RING_ORDER = 1;
            static int alloc(snd_dev dev)
            {
                ulong rx = __get_free_pages(GFP_KERNEL | __GFP_ZERO, RX_RING_ORDER);
                if (rx == 0)
                    return -ENOMEM;
                ulong tx = __get_free_pages(GFP_KERNEL | __GFP_ZERO, TX_RING_ORDER);
                if (tx == 0) {
                    free_pages(rx, {|KMEM004:TX_RING_ORDER|});
                    return -ENOMEM;
                }
                dev.rx_ring = rx;
                dev.tx_ring = tx;
                return 0;
            }
        }
        """,
        // module exit frees the command ring with the event ring's order
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
                if (cmd_ring == 0)
                    return -ENOMEM;
                evt_ring = __get_free_pages(GFP_KERNEL, EVT_RING_ORDER);
                if (evt_ring == 0) { free_pages(cmd_ring, CMD_RING_ORDER); return -ENOMEM; }
                return 0;
            }
            [ModuleExit]
            static void exit()
            {
                free_pages(evt_ring, EVT_RING_ORDER);
                free_pages(cmd_ring, {|KMEM004:EVT_RING_ORDER|});
            }
        }
        """,
        // get_order(FB_BYTES) is 7; the error path hand-writes 6
        """
        static class Fb
        {
            const long FB_BYTES = 307200;
            static page kept;
            static int probe(bool fail)
            {
                page pages = alloc_pages(GFP_KERNEL, get_order(FB_BYTES));
                if (pages == null)
                    return -ENOMEM;
                if (fail) {
                    __free_pages(pages, {|KMEM004:6|});
                    return -EIO;
                }
                kept = pages;
                return 0;
            }
        }
        """,
        // static readonly order initialised by a constant
        """
        static class Ro
        {
            static readonly int BUF_ORDER = 2;
            static void f()
            {
                ulong b = __get_free_pages(GFP_KERNEL, BUF_ORDER);
                if (b == 0)
                    return;
                free_pages(b, {|KMEM004:1|});
            }
        }
        """,
        // order-2 pages given back one page at a time
        """
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
        """,
        // an order-1 buffer released with free_page
        """
        static class Fp
        {
            static void f()
            {
                ulong a = __get_free_pages(GFP_KERNEL, 1);
                if (a == 0)
                    return;
                {|KMEM004:free_page(a)|};
            }
        }
        """,
        // a single page released as order 1
        """
        static class Single
        {
            static void f()
            {
                page pg = alloc_page(GFP_KERNEL);
                if (pg == null)
                    return;
                __free_pages(pg, {|KMEM004:1|});
            }
        }
        """,
        // a device field allocated in probe, released in remove with another order
        """
        sealed class dma_dev { public ulong desc; }
        static class Dma
        {
            const int DESC_ORDER = 2;
            static int probe(dma_dev dev)
            {
                dev.desc = __get_free_pages(GFP_KERNEL, DESC_ORDER);
                return dev.desc == 0 ? -ENOMEM : 0;
            }
            static void remove(dma_dev dev)
            {
                free_pages(dev.desc, {|KMEM004:DESC_ORDER + 1|});
            }
        }
        """,
        // get_order of a constant expression on both sides, different sizes
        """
        static class Go
        {
            static void f()
            {
                ulong a = __get_free_pages(GFP_KERNEL, get_order(PAGE_SIZE * 4));
                if (a == 0)
                    return;
                free_pages(a, {|KMEM004:get_order(PAGE_SIZE)|});
            }
        }
        """,
        // the order of a zeroed page is 0
        """
        static class Zp
        {
            static void f()
            {
                ulong a = get_zeroed_page(GFP_KERNEL);
                free_pages(a, {|KMEM004:2|});
            }
        }
        """,
        // through a KPtr cast and back
        """
        static class Cast
        {
            const int WIN_ORDER = 1;
            static void f()
            {
                KPtr w = (KPtr)__get_free_pages(GFP_KERNEL, WIN_ORDER);
                if (!w)
                    return;
                free_pages((ulong)w, {|KMEM004:0|});
            }
        }
        """,
        // unwind ladder with a copy-pasted order
        """
        sealed class dev_t { public ulong a, b; }
        static class Lad
        {
            const int A_ORDER = 3;
            const int B_ORDER = 1;
            static int probe(dev_t dev)
            {
                ulong a = __get_free_pages(GFP_KERNEL, A_ORDER);
                if (a == 0)
                    return -ENOMEM;
                ulong b = __get_free_pages(GFP_KERNEL, B_ORDER);
                if (b == 0)
                    goto err_free_a;
                dev.a = a;
                dev.b = b;
                return 0;
            err_free_a:
                free_pages(a, {|KMEM004:B_ORDER|});
                return -ENOMEM;
            }
        }
        """,
        // struct page in a static field: exit frees with a smaller order
        """
        static class Pm
        {
            static page pool;
            [ModuleInit]
            static int init()
            {
                pool = alloc_pages(GFP_KERNEL, 4);
                return pool == null ? -ENOMEM : 0;
            }
            [ModuleExit]
            static void exit()
            {
                __free_pages(pool, {|KMEM004:3|});
            }
        }
        """,
        // local const order
        """
        static class Lc
        {
            static void f()
            {
                const int order = 2;
                ulong a = __get_free_pages(GFP_KERNEL, order);
                if (a == 0)
                    return;
                free_pages(a, {|KMEM004:order - 1|});
            }
        }
        """,
        // timer callback frees the scratch pages with a literal order
        """
        static class Tm
        {
            const int SCRATCH_ORDER = 2;
            static void tick(timer_list t)
            {
                ulong s = __get_free_pages(GFP_ATOMIC, SCRATCH_ORDER);
                if (s == 0)
                    return;
                free_pages(s, {|KMEM004:1|});
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported(string source) => AnalyzerVerifier<OrderMismatchAnalyzer>.VerifyAsync(source);

    [Fact]
    public Task MessageNamesBothOrders() => AnalyzerVerifier<OrderMismatchAnalyzer>.VerifyAsync("""
        static class Fb
        {
            const long FB_BYTES = 307200;
            static void f()
            {
                page pages = alloc_pages(GFP_KERNEL, get_order(FB_BYTES));
                if (pages == null)
                    return;
                __free_pages(pages, {|#0:6|});
            }
        }
        """,
        AnalyzerVerifier<OrderMismatchAnalyzer>.Diagnostic().WithLocation(0).WithArguments("__free_pages", 6, "alloc_pages", 7));
}
