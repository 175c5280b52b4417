using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Infrastructure;
using Kmem.Analyzers.Tests.Flow;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM002;

/// <summary>Driver code where every path releases, stores, returns or hands over what it allocated: no KMEM002.</summary>
public sealed class LeakNotReportedTests
{
    public static TheoryData<string> Cases() => new()
    {
        // every error exit frees the staging buffer
        """
        static class Fw
        {
            static int store(byte[] ubuf, long len)
            {
                KPtr img = kvmalloc(len, GFP_KERNEL);
                if (!img)
                    return -ENOMEM;
                if (copy_from_user(img, ubuf, len) != 0) {
                    kvfree(img);
                    return -EFAULT;
                }
                kvfree(img);
                return 0;
            }
        }
        """,
        // a goto ladder whose every exit jumps to the rung that frees what is held
        """
        sealed class dev_t { public KPtr ring, bounce, stats; }
        static class Cap
        {
            static irqreturn_t isr(int irq, object dev) => irqreturn_t.IRQ_HANDLED;
            static int probe(dev_t dev, int irq)
            {
                KPtr ring, bounce, stats;
                int ret;
                ring = kcalloc(64, 16, GFP_KERNEL);
                if (!ring) { ret = -ENOMEM; goto err_out; }
                bounce = kmalloc(4096, GFP_KERNEL);
                if (!bounce) { ret = -ENOMEM; goto err_free_ring; }
                stats = kzalloc(256, GFP_KERNEL);
                if (!stats) { ret = -ENOMEM; goto err_free_bounce; }
                dev.ring = ring;
                dev.bounce = bounce;
                dev.stats = stats;
                ret = request_irq(irq, isr, 0, "cap", dev);
                if (ret != 0)
                    goto err_free_stats;
                return 0;
            err_free_stats:
                kfree(stats);
            err_free_bounce:
                kfree(bounce);
            err_free_ring:
                kfree(ring);
            err_out:
                return ret;
            }
        }
        """,
        // stored into a static field by module init; exit frees it
        """
        static class Mod
        {
            static KPtr table;
            [ModuleInit]
            static int init()
            {
                table = kzalloc(2048, GFP_KERNEL);
                if (!table)
                    return -ENOMEM;
                return 0;
            }
            [ModuleExit]
            static void exit() => kfree(table);
        }
        """,
        // an allocating helper returns what it allocated
        """
        static class Helper
        {
            static KPtr alloc_desc(long n)
            {
                KPtr p = kzalloc(n, GFP_KERNEL);
                if (!p)
                    return NULL;
                memset(p, 0xff, n);
                return p;
            }
        }
        """,
        // handed over to a method that is not a release (ownership passes)
        """
        sealed class queue { public KPtr head; }
        static class Q
        {
            static void enqueue(queue q, KPtr item) { q.head = item; }
            static int push(queue q)
            {
                KPtr item = kmalloc(64, GFP_KERNEL);
                if (!item)
                    return -ENOMEM;
                enqueue(q, item);
                return 0;
            }
        }
        """,
        // captured by a work callback that frees it later
        """
        static class Deferred
        {
            static readonly work_struct work = new();
            static int queue()
            {
                KPtr msg = kmalloc(64, GFP_KERNEL);
                if (!msg)
                    return -ENOMEM;
                INIT_WORK(work, w => kfree(msg));
                schedule_work(work);
                return 0;
            }
        }
        """,
        // stored into an array of buffers owned by the device
        """
        sealed class ring_dev { public readonly KPtr[] bufs = new KPtr[8]; }
        static class Ring
        {
            static int fill(ring_dev dev)
            {
                for (int i = 0; i < 8; i++)
                {
                    KPtr b = kmalloc(2048, GFP_KERNEL);
                    if (!b)
                        return -ENOMEM;
                    dev.bufs[i] = b;
                }
                return 0;
            }
        }
        """,
        // released through the driver's own release helper (a summarised wrapper)
        """
        static class Wrap
        {
            static void put_buf(KPtr b)
            {
                if (b != NULL)
                    kfree(b);
            }
            static int work(byte[] u)
            {
                KPtr b = kmalloc(u.Length, GFP_KERNEL);
                if (!b)
                    return -ENOMEM;
                if (copy_from_user(b, u, u.Length) != 0) {
                    put_buf(b);
                    return -EFAULT;
                }
                put_buf(b);
                return 0;
            }
        }
        """,
        // the failure branch has nothing to free
        """
        static class Nul
        {
            static KPtr kept;
            static int setup()
            {
                KPtr p = vmalloc(1 << 20);
                if (p == NULL)
                    return -ENOMEM;
                kept = p;
                return 0;
            }
        }
        """,
        // struct page tested against null, freed on the error path
        """
        static class Pg
        {
            static page kept;
            static int setup(int mode)
            {
                page pg = alloc_pages(GFP_KERNEL, 1);
                if (pg == null)
                    return -ENOMEM;
                if (mode < 0) {
                    __free_pages(pg, 1);
                    return -EINVAL;
                }
                kept = pg;
                return 0;
            }
        }
        """,
        // page address tested against 0, stored in the device
        """
        sealed class snd { public ulong ring; }
        static class Snd
        {
            static int alloc(snd dev)
            {
                ulong rx = __get_free_pages(GFP_KERNEL, 2);
                if (rx == 0)
                    return -ENOMEM;
                dev.ring = rx;
                return 0;
            }
        }
        """,
        // handed back through an out parameter
        """
        static class Out
        {
            static int get(out KPtr result)
            {
                result = NULL;
                KPtr p = kzalloc(32, GFP_KERNEL);
                if (!p)
                    return -ENOMEM;
                result = p;
                return 0;
            }
        }
        """,
        // loop freeing the snapshot on every path, the idle-queue continue included
        """
        static class Mq
        {
            static int dump(bool[] active, byte[][] ubufs)
            {
                for (int q = 0; q < ubufs.Length; q++)
                {
                    KPtr snap = kmalloc(512, GFP_KERNEL);
                    if (!snap)
                        return -ENOMEM;
                    if (!active[q]) {
                        kfree(snap);
                        continue;
                    }
                    copy_to_user(ubufs[q], snap, 512);
                    kfree(snap);
                }
                return 0;
            }
        }
        """,
        // try/finally releases on every exit
        """
        static class Fin
        {
            static int parse(byte[] u)
            {
                KPtr tmp = kmalloc(u.Length, GFP_KERNEL);
                if (!tmp)
                    return -ENOMEM;
                try
                {
                    if (copy_from_user(tmp, u, u.Length) != 0)
                        return -EFAULT;
                    return 0;
                }
                finally
                {
                    kfree(tmp);
                }
            }
        }
        """,
        // krealloc takes the old buffer over; the new one is stored
        """
        static class Grow
        {
            static KPtr buf;
            static int grow(long n)
            {
                KPtr bigger = krealloc(buf, n, GFP_KERNEL);
                if (!bigger)
                    return -ENOMEM;
                buf = bigger;
                return 0;
            }
        }
        """,
        // memdup_user checked with IS_ERR, freed on the copy path
        """
        sealed class key_dev { public KPtr key; }
        static class Key
        {
            static int set(key_dev dev, byte[] ukey)
            {
                KPtr key = memdup_user(ukey, ukey.Length);
                if (IS_ERR(key))
                    return PTR_ERR(key);
                kfree(dev.key);
                dev.key = key;
                return 0;
            }
        }
        """,
        // the default label is freed before it is replaced
        """
        sealed class bank_dev { public KPtr label; }
        static class Bank
        {
            static int probe(bank_dev dev, string name)
            {
                KPtr label = kstrdup("gpio", GFP_KERNEL);
                if (!label)
                    return -ENOMEM;
                if (name != null) {
                    kfree(label);
                    label = kstrdup(name, GFP_KERNEL);
                    if (!label)
                        return -ENOMEM;
                }
                dev.label = label;
                return 0;
            }
        }
        """,
        // handed to the IRQ as its dev_id
        """
        static class Irq
        {
            static irqreturn_t isr(int irq, object dev) => irqreturn_t.IRQ_HANDLED;
            static int probe(int irq)
            {
                KPtr ctx = kzalloc(64, GFP_KERNEL);
                if (!ctx)
                    return -ENOMEM;
                return request_irq(irq, isr, 0, "ctx", ctx);
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task NotReported(string source) => AnalyzerVerifier<LeakAnalyzer>.VerifyAsync(source);

    [Fact]
    public Task SeedModuleIsClean() => AnalyzerVerifier<LeakAnalyzer>.VerifyAsync(SeedModule.Source);
}
