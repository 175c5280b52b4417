using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM003;

/// <summary>Memory released by a function of another family or to another cache: KMEM003 at the release.</summary>
public sealed class MismatchedReleaseReportedTests
{
    public static TheoryData<string> Cases() => new()
    {
        // vmalloc'ed log snapshot released with kfree
        """
        static class Log
        {
            static int dump(byte[] ubuf)
            {
                KPtr snap = vmalloc(262144);
                if (!snap)
                    return -ENOMEM;
                copy_to_user(ubuf, snap, ubuf.Length);
                {|KMEM003:kfree(snap)|};
                return 0;
            }
        }
        """,
        // kmalloc'ed buffer released with vfree
        """
        static class Buf
        {
            static void work()
            {
                KPtr b = kmalloc(128, GFP_KERNEL);
                if (!b)
                    return;
                memset(b, 0, 128);
                {|KMEM003:vfree(b)|};
            }
        }
        """,
        // page-aligned bounce buffer through a KPtr cast, freed with kfree
        """
        static class Win
        {
            static int prime()
            {
                KPtr bounce = (KPtr)__get_free_pages(GFP_KERNEL, 1);
                if (!bounce)
                    return -ENOMEM;
                memset(bounce, 0xa5, 8192);
                {|KMEM003:kfree(bounce)|};
                return 0;
            }
        }
        """,
        // kzalloc'ed request returned to a slab cache
        """
        static class Req
        {
            static kmem_cache cache;
            static int reset()
            {
                KPtr req = kzalloc(192, GFP_KERNEL);
                if (!req)
                    return -ENOMEM;
                {|KMEM003:kmem_cache_free(cache, req)|};
                return 0;
            }
        }
        """,
        // object of one cache returned to another
        """
        static class Caches
        {
            static kmem_cache small_cache, big_cache;
            static int use()
            {
                KPtr obj = kmem_cache_alloc(small_cache, GFP_KERNEL);
                if (!obj)
                    return -ENOMEM;
                {|KMEM003:kmem_cache_free(big_cache, obj)|};
                return 0;
            }
        }
        """,
        // module: kzalloc'ed table in a static field released with vfree in exit
        """
        static class Ctx
        {
            static KPtr table;
            [ModuleInit]
            static int init()
            {
                table = kzalloc(2048, GFP_KERNEL);
                return !table ? -ENOMEM : 0;
            }
            [ModuleExit]
            static void exit()
            {
                {|KMEM003:vfree(table)|};
            }
        }
        """,
        // probe stores vzalloc memory in the device; remove frees it with kfree
        """
        sealed class log_dev { public KPtr log_buf; }
        static class LogDrv
        {
            static int probe(log_dev dev)
            {
                dev.log_buf = vzalloc(262144);
                if (!dev.log_buf)
                    return -ENOMEM;
                return 0;
            }
            static void remove(log_dev dev)
            {
                {|KMEM003:kfree(dev.log_buf)|};
                dev.log_buf = NULL;
            }
        }
        """,
        // kvmalloc memory must go to kvfree, not kfree
        """
        static class Kv
        {
            static void f(long n)
            {
                KPtr p = kvmalloc(n, GFP_KERNEL);
                if (!p)
                    return;
                {|KMEM003:kfree(p)|};
            }
        }
        """,
        // vzalloc memory passed to free_pages
        """
        static class Vp
        {
            static void f()
            {
                KPtr p = vzalloc(8192);
                if (!p)
                    return;
                {|KMEM003:free_pages((ulong)p, 1)|};
            }
        }
        """,
        // free_pages of a kmalloc pointer
        """
        static class Kp
        {
            static void f()
            {
                KPtr p = kmalloc(4096, GFP_KERNEL);
                if (!p)
                    return;
                {|KMEM003:free_pages((ulong)p, 0)|};
            }
        }
        """,
        // unwind ladder releases the kcalloc'ed ring with vfree
        """
        sealed class dev_t { public KPtr ring, stats; }
        static class Lad
        {
            static int probe(dev_t dev)
            {
                KPtr ring = kcalloc(64, 16, GFP_KERNEL);
                if (!ring)
                    return -ENOMEM;
                KPtr stats = vzalloc(65536);
                if (!stats)
                    goto err_free_ring;
                dev.ring = ring;
                dev.stats = stats;
                return 0;
            err_free_ring:
                {|KMEM003:vfree(ring)|};
                return -ENOMEM;
            }
        }
        """,
        // kstrdup'ed name released with vfree
        """
        static class Name
        {
            static void f(string s)
            {
                KPtr n = kstrdup(s, GFP_KERNEL);
                if (!n)
                    return;
                {|KMEM003:vfree(n)|};
            }
        }
        """,
        // zeroed page released with kfree through the KPtr it was cast to
        """
        static class Zp
        {
            static void f()
            {
                ulong addr = get_zeroed_page(GFP_KERNEL);
                if (addr == 0)
                    return;
                {|KMEM003:kfree((KPtr)addr)|};
            }
        }
        """,
        // the driver's allocating helper returns vmalloc memory; the caller kfree's it
        """
        static class Help
        {
            static KPtr alloc_table(long n) => vzalloc(n);
            static void f()
            {
                KPtr t = alloc_table(1 << 16);
                if (!t)
                    return;
                {|KMEM003:kfree(t)|};
            }
        }
        """,
        // memdup_user memory (kmalloc family) released with vfree
        """
        static class Key
        {
            static int set(byte[] ukey)
            {
                KPtr key = memdup_user(ukey, ukey.Length);
                if (IS_ERR(key))
                    return PTR_ERR(key);
                {|KMEM003:vfree(key)|};
                return 0;
            }
        }
        """,
        // struct page released with kfree of its address
        """
        static class Pa
        {
            static void f()
            {
                page pg = alloc_pages(GFP_KERNEL, 0);
                if (pg == null)
                    return;
                {|KMEM003:kfree(page_address(pg))|};
            }
        }
        """,
        // in a finally region that three exits run through: reported once (the region is transferred once per exit)
        """
        static class Fin
        {
            static int parse(byte[] u)
            {
                KPtr tmp = vmalloc(u.Length);
                if (!tmp)
                    return -ENOMEM;
                try
                {
                    if (copy_from_user(tmp, u, u.Length) != 0)
                        return -EFAULT;
                    if (u[0] == 0)
                        return -EINVAL;
                    return 0;
                }
                finally
                {
                    {|KMEM003:kfree(tmp)|};
                }
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported(string source) => AnalyzerVerifier<MismatchedReleaseAnalyzer>.VerifyAsync(source);

    [Fact]
    public Task MessageNamesBothFamiliesAndTheRightRelease() => AnalyzerVerifier<MismatchedReleaseAnalyzer>.VerifyAsync("""
        static class Log
        {
            static void f()
            {
                KPtr snap = vmalloc(4096);
                {|#0:kfree(snap)|};
            }
        }
        """,
        AnalyzerVerifier<MismatchedReleaseAnalyzer>.Diagnostic().WithLocation(0).WithArguments("kfree", "vmalloc", "vfree(snap)"));
}
