using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM002;

/// <summary>Driver code that loses an allocation on some path: KMEM002 at the allocation.</summary>
public sealed class LeakReportedTests
{
    public static TheoryData<string> Cases() => new()
    {
        // write handler: returns -EFAULT after a failed copy without freeing the staging buffer
        """
        static class Fw
        {
            static int store(byte[] ubuf, long len)
            {
                KPtr img = {|KMEM002:kvmalloc(len, GFP_KERNEL)|};
                if (!img)
                    return -ENOMEM;
                if (copy_from_user(img, ubuf, len) != 0)
                    return -EFAULT;
                kvfree(img);
                return 0;
            }
        }
        """,
        // probe whose second error exit jumps past the rung that frees the ring
        """
        sealed class dev_t { public KPtr ring, bounce; }
        static class Cap
        {
            static int probe(dev_t dev)
            {
                KPtr ring, bounce;
                int ret;
                ring = {|KMEM002:kcalloc(64, 16, GFP_KERNEL)|};
                if (!ring) { ret = -ENOMEM; goto err_out; }
                bounce = kmalloc(4096, GFP_KERNEL);
                if (!bounce) { ret = -ENOMEM; goto err_out; }
                dev.ring = ring;
                dev.bounce = bounce;
                return 0;
            err_free_ring:
                kfree(ring);
            err_out:
                return ret;
            }
        }
        """,
        // loop that skips idle queues with continue and leaks the snapshot
        """
        static class Mq
        {
            static int dump(bool[] active, byte[][] ubufs)
            {
                KPtr snap;
                for (int q = 0; q < ubufs.Length; q++)
                {
                    snap = {|KMEM002:kmalloc(512, GFP_KERNEL)|};
                    if (!snap)
                        return -ENOMEM;
                    if (!active[q])
                        continue;
                    copy_to_user(ubufs[q], snap, 512);
                    kfree(snap);
                }
                return 0;
            }
        }
        """,
        // the default label is overwritten by the override's copy
        """
        sealed class bank_dev { public KPtr label; }
        static class Bank
        {
            static int probe(bank_dev dev, string name)
            {
                KPtr label = {|KMEM002:kstrdup("gpio", GFP_KERNEL)|};
                if (!label)
                    return -ENOMEM;
                if (name != null)
                {
                    label = kstrdup(name, GFP_KERNEL);
                    if (!label)
                        return -ENOMEM;
                }
                dev.label = label;
                return 0;
            }
        }
        """,
        // page snapshot leaked on the "nothing to read" exit
        """
        static class Trace
        {
            const int SNAP_ORDER = 1;
            static int read(byte[] ubuf, long len)
            {
                ulong snap = {|KMEM002:__get_free_pages(GFP_KERNEL, SNAP_ORDER)|};
                if (snap == 0)
                    return -ENOMEM;
                if (len == 0)
                    return 0;
                copy_to_user(ubuf, (KPtr)snap, len);
                free_pages(snap, SNAP_ORDER);
                return (int)len;
            }
        }
        """,
        // request_irq failure returns without freeing the statistics block
        """
        sealed class nic { public KPtr stats; }
        static class Nic
        {
            static irqreturn_t isr(int irq, object dev) => irqreturn_t.IRQ_HANDLED;
            static int probe(nic dev, int irq)
            {
                KPtr stats = {|KMEM002:kzalloc(256, GFP_KERNEL)|};
                if (stats == NULL)
                    return -ENOMEM;
                int ret = request_irq(irq, isr, 0, "nic", dev);
                if (ret != 0)
                    return ret;
                dev.stats = stats;
                return 0;
            }
        }
        """,
        // a buffer declared in the loop body is lost by a break
        """
        static class Rx
        {
            static int drain(int[] lens)
            {
                foreach (var len in lens)
                {
                    KPtr buf = {|KMEM002:kmalloc(len, GFP_KERNEL)|};
                    if (!buf)
                        return -ENOMEM;
                    if (len > 4096)
                        break;
                    kfree(buf);
                }
                return 0;
            }
        }
        """,
        // error exit inside a spinlock region forgets the vmalloc'ed table
        """
        static class Tbl
        {
            static readonly spinlock_t lock_ = new();
            static bool busy;
            static int resize(long size)
            {
                KPtr table = {|KMEM002:vzalloc(size)|};
                if (!table)
                    return -ENOMEM;
                spin_lock(lock_);
                if (busy)
                {
                    spin_unlock(lock_);
                    return -EBUSY;
                }
                spin_unlock(lock_);
                vfree(table);
                return 0;
            }
        }
        """,
        // struct page leaked on a validation failure
        """
        static class Fb
        {
            static int setup(int mode)
            {
                page pg = {|KMEM002:alloc_pages(GFP_KERNEL, 2)|};
                if (pg == null)
                    return -ENOMEM;
                if (mode < 0)
                    return -EINVAL;
                __free_pages(pg, 2);
                return 0;
            }
        }
        """,
        // the caller of an allocating helper leaks what the helper returned
        """
        static class Helper
        {
            static KPtr alloc_desc(long n)
            {
                KPtr p = kzalloc(n * 16, GFP_KERNEL);
                return p;
            }
            static int use(long n, bool bad)
            {
                KPtr d = {|KMEM002:alloc_desc(n)|};
                if (!d)
                    return -ENOMEM;
                if (bad)
                    return -EINVAL;
                kfree(d);
                return 0;
            }
        }
        """,
        // slab object leaked on an error return
        """
        static class Req
        {
            static kmem_cache cache;
            static int send(byte[] payload)
            {
                KPtr req = {|KMEM002:kmem_cache_zalloc(cache, GFP_KERNEL)|};
                if (!req)
                    return -ENOMEM;
                if (copy_from_user(req, payload, payload.Length) != 0)
                    return -EFAULT;
                kmem_cache_free(cache, req);
                return 0;
            }
        }
        """,
        // timer callback duplicates a record and drops it when the device is stopped
        """
        static class Wd
        {
            static KPtr last;
            static bool stopped;
            static void tick(timer_list t)
            {
                KPtr copy = {|KMEM002:kmemdup(last, 64, GFP_ATOMIC)|};
                if (!copy)
                    return;
                if (stopped)
                    return;
                kfree(copy);
            }
        }
        """,
        // a void helper that simply forgets to free at its end
        """
        static class Cfg
        {
            static void apply(KPtr regs)
            {
                KPtr shadow = {|KMEM002:kmalloc(64, GFP_KERNEL)|};
                if (!shadow)
                    return;
                memcpy(shadow, regs, 64);
            }
        }
        """,
        // retry loop allocating again without freeing the previous attempt
        """
        static class Retry
        {
            static KPtr buf;
            static int fill(int tries)
            {
                KPtr p = NULL;
                for (int i = 0; i < tries; i++)
                    p = {|KMEM002:kmalloc(128, GFP_KERNEL)|};
                if (!p)
                    return -ENOMEM;
                buf = p;
                return 0;
            }
        }
        """,
        // workqueue handler leaks its scratch buffer on the early exit
        """
        static class Work
        {
            static bool pending;
            static void work_fn(work_struct w)
            {
                KPtr scratch = {|KMEM002:kvzalloc(65536, GFP_KERNEL)|};
                if (!scratch)
                    return;
                if (!pending)
                    return;
                kvfree(scratch);
            }
        }
        """,
        // IRQ handler with an atomic allocation that returns IRQ_NONE without freeing
        """
        static class Irq
        {
            static int status;
            static irqreturn_t isr(int irq, object dev)
            {
                KPtr ev = {|KMEM002:kmalloc(32, GFP_ATOMIC)|};
                if (!ev)
                    return irqreturn_t.IRQ_NONE;
                if (status == 0)
                    return irqreturn_t.IRQ_NONE;
                kfree(ev);
                return irqreturn_t.IRQ_HANDLED;
            }
        }
        """,
        // zeroed page lost on the second allocation's failure
        """
        static class Two
        {
            static ulong a_page;
            static KPtr b;
            static int init()
            {
                ulong a = {|KMEM002:get_zeroed_page(GFP_KERNEL)|};
                if (a == 0)
                    return -ENOMEM;
                b = kmalloc(8, GFP_KERNEL);
                if (!b)
                    return -ENOMEM;
                a_page = a;
                return 0;
            }
        }
        """,
        // printing the pointer does not hand it over
        """
        static class Dbg
        {
            static int show(bool quiet)
            {
                KPtr buf = {|KMEM002:kmalloc(64, GFP_KERNEL)|};
                if (!buf)
                    return -ENOMEM;
                pr_info("buf at %px\n", (ulong)buf);
                if (quiet)
                    return 0;
                kfree(buf);
                return 0;
            }
        }
        """,
        // a local function of the probe loses its buffer
        """
        static class Local
        {
            static int probe(bool bad)
            {
                return setup();

                int setup()
                {
                    KPtr b = {|KMEM002:kmalloc(32, GFP_KERNEL)|};
                    if (!b)
                        return -ENOMEM;
                    if (bad)
                        return -EINVAL;
                    kfree(b);
                    return 0;
                }
            }
        }
        """,
        // a workqueue handler written as a lambda leaks on its early exit
        """
        static class Lambda
        {
            static readonly work_struct work = new();
            static bool stopped;
            static void init()
            {
                INIT_WORK(work, w =>
                {
                    KPtr b = {|KMEM002:kmalloc(32, GFP_KERNEL)|};
                    if (!b)
                        return;
                    if (stopped)
                        return;
                    kfree(b);
                });
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported(string source) => AnalyzerVerifier<LeakAnalyzer>.VerifyAsync(source);

    [Fact]
    public Task MessageNamesTheLosingGotoAndPointsAtIt() => AnalyzerVerifier<LeakAnalyzer>.VerifyAsync("""
        static class Cap
        {
            static int probe()
            {
                KPtr ring, bounce;
                int ret;
                ring = {|#0:kcalloc(64, 16, GFP_KERNEL)|};
                if (!ring) { ret = -ENOMEM; goto err_out; }
                bounce = kmalloc(4096, GFP_KERNEL);
                if (!bounce) { ret = -ENOMEM; {|#1:goto err_out;|} }
                kfree(bounce);
                kfree(ring);
                return 0;
            err_out:
                return ret;
            }
        }
        """,
        AnalyzerVerifier<LeakAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("kcalloc", "on the 'goto err_out' at line 10"));

    [Fact]
    public Task MessageNamesTheOverwrite() => AnalyzerVerifier<LeakAnalyzer>.VerifyAsync("""
        static class Bank
        {
            static KPtr saved;
            static int probe()
            {
                KPtr label = {|#0:kstrdup("a", GFP_KERNEL)|};
                if (!label)
                    return -ENOMEM;
                {|#1:label = kstrdup("b", GFP_KERNEL)|};
                saved = label;
                return 0;
            }
        }
        """,
        AnalyzerVerifier<LeakAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("kstrdup", "when 'label' is overwritten at line 9"));

    [Fact]
    public Task MessageNamesTheReturn() => AnalyzerVerifier<LeakAnalyzer>.VerifyAsync("""
        static class Fw
        {
            static int store(byte[] ubuf, long len)
            {
                KPtr img = {|#0:vmalloc(len)|};
                if (!img)
                    return -ENOMEM;
                if (copy_from_user(img, ubuf, len) != 0)
                    {|#1:return -EFAULT;|}
                vfree(img);
                return 0;
            }
        }
        """,
        AnalyzerVerifier<LeakAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("vmalloc", "on the return at line 9"));
}
