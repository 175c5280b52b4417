using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.Analyzers.Tests.Infrastructure;
using Kmem.CodeFixes;
using Xunit;

namespace Kmem.Analyzers.Tests.Rules.KMEM003;

public sealed class MismatchedReleaseCodeFixTests
{
    [Fact]
    public Task PagesReleasedWithFreePagesKeepingTheCastAndOrder() => CodeFixVerifier<MismatchedReleaseAnalyzer, MismatchedReleaseCodeFix>.VerifyFixAsync("""
        static class Win
        {
            const int WIN_ORDER = 1;
            static void f()
            {
                KPtr bounce = (KPtr)__get_free_pages(GFP_KERNEL, WIN_ORDER);
                if (!bounce)
                    return;
                {|KMEM003:kfree(bounce)|};
            }
        }
        """, """
        static class Win
        {
            const int WIN_ORDER = 1;
            static void f()
            {
                KPtr bounce = (KPtr)__get_free_pages(GFP_KERNEL, WIN_ORDER);
                if (!bounce)
                    return;
                free_pages((ulong)bounce, WIN_ORDER);
            }
        }
        """);

    [Fact]
    public Task FixAllAcrossInitAndExit() => CodeFixVerifier<MismatchedReleaseAnalyzer, MismatchedReleaseCodeFix>.VerifyFixAsync("""
        static class Ctx
        {
            static KPtr table, log;
            static kmem_cache cache;
            [ModuleInit]
            static int init()
            {
                table = kzalloc(2048, GFP_KERNEL);
                log = vzalloc(262144);
                KPtr o = kmem_cache_alloc(cache, GFP_KERNEL);
                {|KMEM003:kfree(o)|};
                return 0;
            }
            [ModuleExit]
            static void exit()
            {
                {|KMEM003:kfree(log)|};
                {|KMEM003:vfree(table)|};
            }
        }
        """, """
        static class Ctx
        {
            static KPtr table, log;
            static kmem_cache cache;
            [ModuleInit]
            static int init()
            {
                table = kzalloc(2048, GFP_KERNEL);
                log = vzalloc(262144);
                KPtr o = kmem_cache_alloc(cache, GFP_KERNEL);
                kmem_cache_free(cache, o);
                return 0;
            }
            [ModuleExit]
            static void exit()
            {
                vfree(log);
                kfree(table);
            }
        }
        """);

    [Fact]
    public Task NoFixWhenTheOrderIsALocalOfAnotherMethod() => CodeFixVerifier<MismatchedReleaseAnalyzer, MismatchedReleaseCodeFix>.VerifyNoFixAsync("""
        static class Ring
        {
            static ulong ring;
            static int init(int order)
            {
                ring = __get_free_pages(GFP_KERNEL, order);
                return ring == 0 ? -ENOMEM : 0;
            }
            static void exit()
            {
                {|KMEM003:kfree((KPtr)ring)|};
            }
        }
        """);
}
