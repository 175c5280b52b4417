using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Infrastructure;
using Kmem.CodeFixes;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM002;

public sealed class LeakCodeFixTests
{
    [Fact]
    public Task InsertsTheReleaseBeforeAnEarlyReturn() => CodeFixVerifier<LeakAnalyzer, LeakCodeFix>.VerifyFixAsync("""
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
        """, """
        static class Fw
        {
            static int store(byte[] ubuf, long len)
            {
                KPtr img = kvmalloc(len, GFP_KERNEL);
                if (!img)
                    return -ENOMEM;
                if (copy_from_user(img, ubuf, len) != 0)
                {
                    kvfree(img);
                    return -EFAULT;
                }
                kvfree(img);
                return 0;
            }
        }
        """);

    [Fact]
    public Task RedirectsTheGotoToTheRungThatFreesWhatIsHeld() => CodeFixVerifier<LeakAnalyzer, LeakCodeFix>.VerifyFixAsync("""
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
                if (dev.ring == dev.bounce) { ret = -EINVAL; goto err_free_bounce; }
                return 0;
            err_free_bounce:
                kfree(bounce);
            err_free_ring:
                kfree(ring);
            err_out:
                return ret;
            }
        }
        """, """
        sealed class dev_t { public KPtr ring, bounce; }
        static class Cap
        {
            static int probe(dev_t dev)
            {
                KPtr ring, bounce;
                int ret;
                ring = kcalloc(64, 16, GFP_KERNEL);
                if (!ring) { ret = -ENOMEM; goto err_out; }
                bounce = kmalloc(4096, GFP_KERNEL);
                if (!bounce) { ret = -ENOMEM; goto err_free_ring; }
                dev.ring = ring;
                dev.bounce = bounce;
                if (dev.ring == dev.bounce) { ret = -EINVAL; goto err_free_bounce; }
                return 0;
            err_free_bounce:
                kfree(bounce);
            err_free_ring:
                kfree(ring);
            err_out:
                return ret;
            }
        }
        """);

    [Fact]
    public Task FreesTheOldValueBeforeTheOverwrite() => CodeFixVerifier<LeakAnalyzer, LeakCodeFix>.VerifyFixAsync("""
        sealed class bank_dev { public KPtr label; }
        static class Bank
        {
            static int probe(bank_dev dev, string name)
            {
                KPtr label = {|KMEM002:kstrdup("gpio", GFP_KERNEL)|};
                if (!label)
                    return -ENOMEM;
                if (name != null) {
                    label = kstrdup(name, GFP_KERNEL);
                    if (!label)
                        return -ENOMEM;
                }
                dev.label = label;
                return 0;
            }
        }
        """, """
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
        """);

    [Fact]
    public Task FreesPagesWithTheAllocationsOrderBeforeAContinue() => CodeFixVerifier<LeakAnalyzer, LeakCodeFix>.VerifyFixAsync("""
        static class Snap
        {
            const int SNAP_ORDER = 1;
            static int dump(bool[] active, byte[][] ubufs)
            {
                for (int q = 0; q < ubufs.Length; q++)
                {
                    ulong snap = {|KMEM002:__get_free_pages(GFP_KERNEL, SNAP_ORDER)|};
                    if (snap == 0)
                        return -ENOMEM;
                    if (!active[q])
                        continue;
                    copy_to_user(ubufs[q], (KPtr)snap, 512);
                    free_pages(snap, SNAP_ORDER);
                }
                return 0;
            }
        }
        """, """
        static class Snap
        {
            const int SNAP_ORDER = 1;
            static int dump(bool[] active, byte[][] ubufs)
            {
                for (int q = 0; q < ubufs.Length; q++)
                {
                    ulong snap = __get_free_pages(GFP_KERNEL, SNAP_ORDER);
                    if (snap == 0)
                        return -ENOMEM;
                    if (!active[q])
                    {
                        free_pages(snap, SNAP_ORDER);
                        continue;
                    }
                    copy_to_user(ubufs[q], (KPtr)snap, 512);
                    free_pages(snap, SNAP_ORDER);
                }
                return 0;
            }
        }
        """);

    [Fact]
    public Task FixAllReleasesOnEveryLosingPath() => CodeFixVerifier<LeakAnalyzer, LeakCodeFix>.VerifyFixAsync("""
        static class Two
        {
            static int a(bool bad)
            {
                KPtr p = {|KMEM002:vmalloc(4096)|};
                if (!p)
                    return -ENOMEM;
                if (bad)
                    return -EINVAL;
                vfree(p);
                return 0;
            }

            static void b(KPtr src)
            {
                KPtr q = {|KMEM002:kmalloc(64, GFP_KERNEL)|};
                if (!q)
                    return;
                memcpy(q, src, 64);
            }
        }
        """, """
        static class Two
        {
            static int a(bool bad)
            {
                KPtr p = vmalloc(4096);
                if (!p)
                    return -ENOMEM;
                if (bad)
                {
                    vfree(p);
                    return -EINVAL;
                }
                vfree(p);
                return 0;
            }

            static void b(KPtr src)
            {
                KPtr q = kmalloc(64, GFP_KERNEL);
                if (!q)
                    return;
                memcpy(q, src, 64);
                kfree(q);
            }
        }
        """);

    [Fact]
    public Task NoFixWhenALoopAllocatesOverItsOwnLiveBuffer() => CodeFixVerifier<LeakAnalyzer, LeakCodeFix>.VerifyNoFixAsync("""
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
        """);
}
