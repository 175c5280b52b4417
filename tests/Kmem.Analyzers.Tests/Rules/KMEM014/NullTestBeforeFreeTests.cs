using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.NullTestBeforeFreeAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.NullTestBeforeFreeAnalyzer, Kmem.CodeFixes.NullTestBeforeFreeCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM014;

public sealed class NullTestBeforeFreeTests
{
    [Theory]
    [InlineData("static void f(KPtr p) { {|KMEM014:if (p != NULL)|} kfree(p); }")]
    [InlineData("static void f(KPtr p) { {|KMEM014:if (NULL != p)|} { kfree(p); } }")]
    [InlineData("static void f(KPtr p) { {|KMEM014:if (!!p)|} vfree(p); }")]
    [InlineData("static void f(net_dev dev) { {|KMEM014:if (dev.rx_ring != KPtr.Null)|} kvfree(dev.rx_ring); }")]
    [InlineData("static void f() { {|KMEM014:if (shared_buf != default)|} kfree(shared_buf); }")]
    [InlineData("static void f(ulong addr) { {|KMEM014:if (addr != 0)|} free_pages(addr, 2); }")]
    [InlineData("static void f(KPtr p, bool err) { if (err) { {|KMEM014:if (p != NULL)|} kfree(p); } }")]
    [InlineData("static void f(KPtr a, KPtr b) { if (a == NULL) return; else {|KMEM014:if (b != NULL)|} kfree(b); }")]
    [InlineData("static void f(net_dev dev) { {|KMEM014:if (dev.regs != NULL)|} Kernel.kfree(dev.regs); }")]
    public Task Flags_a_test_that_only_guards_the_release(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static void f(KPtr p) { if (p != NULL) { kfree(p); p = NULL; } }")]
    [InlineData("static void f(KPtr p) { if (p != NULL) kfree(p); else pr_err(\"none\\n\"); }")]
    [InlineData("static void f(KPtr p, KPtr q) { if (q != NULL) kfree(p); }")]
    [InlineData("static void f(KPtr p) { if (!IS_ERR_OR_NULL(p)) kfree(p); }")]
    [InlineData("static void f(KPtr p) { if (p == NULL) kfree(p); }")]
    [InlineData("static void f(page pg) { if (pg != null) __free_pages(pg, 0); }")]
    [InlineData("static void f(KPtr p) { if (p != NULL) memset(p, 0, 4); }")]
    [InlineData("static void f(net_dev dev, net_dev other) { if (dev.regs != NULL) kfree(other.regs); }")]
    [InlineData("static void f(KPtr p) { kfree(p); }")]
    public Task Accepts_tests_that_do_more(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_release() =>
        Verify.VerifyAsync(Driver.Module("static void f(KPtr p) { {|#0:if (p != NULL)|} vfree(p); }"),
            Expected().WithArguments("vfree"));

    [Fact]
    public Task Fix_removes_the_tests_with_fix_all() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static void remove(net_dev dev)
                {
                    {|KMEM014:if (dev.rx_ring != NULL)|}
                        kfree(dev.rx_ring);
                    /* the register snapshot */
                    {|KMEM014:if (!!dev.regs)|} {
                        vfree(dev.regs);
                    }
                    dev.rx_count = 0;
                }
            """), Driver.Module("""
                static void remove(net_dev dev)
                {
                    kfree(dev.rx_ring);
                    /* the register snapshot */
                    vfree(dev.regs);
                    dev.rx_count = 0;
                }
            """));

    /// <summary>The diagnostic at markup location 0; its additional locations (the fix's plan) are not part of the message tests.</summary>
    private static DiagnosticResult Expected() =>
        Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
