using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Flow;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM003;

/// <summary>Every release matches the allocation's family and cache: no KMEM003.</summary>
public sealed class MismatchedReleaseNotReportedTests
{
    public static TheoryData<string> Cases() => new()
    {
        "static class A { static void f() { KPtr p = vmalloc(8192); vfree(p); } }",
        "static class A { static void f() { KPtr p = kmalloc(64, GFP_KERNEL); kfree(p); } }",
        "static class A { static void f() { KPtr p = kvmalloc(1 << 20, GFP_KERNEL); kvfree(p); } }",
        // kvfree accepts kmalloc and vmalloc memory
        "static class A { static void f() { KPtr p = kmalloc(64, GFP_KERNEL); KPtr q = vzalloc(8192); kvfree(p); kvfree(q); } }",
        "static class A { static void f() { KPtr b = (KPtr)__get_free_pages(GFP_KERNEL, 1); if (!b) return; free_pages((ulong)b, 1); } }",
        "static class A { static void f() { ulong a = __get_free_page(GFP_KERNEL); free_page(a); } }",
        "static class A { static void f() { page pg = alloc_pages(GFP_KERNEL, 2); if (pg == null) return; __free_pages(pg, 2); } }",
        "static class A { static kmem_cache c; static void f() { KPtr o = kmem_cache_zalloc(c, GFP_KERNEL); kmem_cache_free(c, o); } }",
        "static class A { static void f(string s) { KPtr n = kstrdup(s, GFP_KERNEL); kfree(n); } }",
        // module fields each released by their own family in exit
        """
        static class Ctx
        {
            static KPtr table, log;
            [ModuleInit]
            static int init()
            {
                table = kzalloc(2048, GFP_KERNEL);
                if (!table)
                    return -ENOMEM;
                log = vzalloc(262144);
                if (!log) { kfree(table); return -ENOMEM; }
                return 0;
            }
            [ModuleExit]
            static void exit() { vfree(log); kfree(table); }
        }
        """,
        // device fields across probe and remove
        """
        sealed class log_dev { public KPtr regs, log_buf; }
        static class LogDrv
        {
            static int probe(log_dev dev)
            {
                dev.regs = kzalloc(256, GFP_KERNEL);
                if (!dev.regs) return -ENOMEM;
                dev.log_buf = vzalloc(262144);
                if (!dev.log_buf) { kfree(dev.regs); return -ENOMEM; }
                return 0;
            }
            static void remove(log_dev dev) { vfree(dev.log_buf); kfree(dev.regs); }
        }
        """,
        // a pointer whose origin is unknown (a parameter) is not judged
        "static class A { static void put(KPtr p) { vfree(p); } }",
        // the driver's own release helper of the right family
        """
        static class Help
        {
            static void put_table(KPtr t) { vfree(t); }
            static void f() { KPtr t = vmalloc(65536); if (!t) return; put_table(t); }
        }
        """,
        // a field reassigned by the right family before its release
        """
        static class Swap
        {
            static KPtr cur;
            static void f() { KPtr n = kmalloc(64, GFP_KERNEL); if (!n) return; kfree(cur); cur = n; }
            [ModuleExit]
            static void exit() { kfree(cur); }
        }
        """,
        // memdup_user memory released with kfree
        "static class A { static int f(byte[] u) { KPtr k = memdup_user(u, u.Length); if (IS_ERR(k)) return PTR_ERR(k); kfree(k); return 0; } }",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task NotReported(string source) => AnalyzerVerifier<MismatchedReleaseAnalyzer>.VerifyAsync(source);

    [Fact]
    public Task SeedModuleIsClean() => AnalyzerVerifier<MismatchedReleaseAnalyzer>.VerifyAsync(SeedModule.Source);
}
