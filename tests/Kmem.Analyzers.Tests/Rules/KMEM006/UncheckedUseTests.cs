using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.UncheckedUseAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.UncheckedUseAnalyzer, Kmem.CodeFixes.UncheckedUseCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM006;

public sealed class UncheckedUseTests
{
    [Theory]
    [InlineData("static void f() { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); memset({|KMEM006:p|}, 0, BUF_SIZE); kfree(p); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); memcpy({|KMEM006:p|}, dev.regs, 8); kfree(p); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kzalloc(BUF_SIZE, GFP_KERNEL); memcpy(dev.regs, {|KMEM006:p|}, 8); kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); {|KMEM006:p.WriteInt32(0, 1)|}; kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); {|KMEM006:p[0]|} = 1; kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(64, GFP_KERNEL); memset({|KMEM006:p + 16|}, 0, 8); kfree(p); }")]
    [InlineData("static void fill(KPtr b) { memset(b, 0xff, 8); } static void f() { KPtr p = kmalloc(8, GFP_KERNEL); fill({|KMEM006:p|}); kfree(p); }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (IS_ERR(p)) return PTR_ERR(p); memset({|KMEM006:p|}, 0, 8); kfree(p); return 0; }")]
    [InlineData("static int f(net_dev dev) { dev.regs = kzalloc(64, GFP_KERNEL); memset({|KMEM006:dev.regs|}, 1, 64); return 0; }")]
    [InlineData("static int f() { shared_buf = vmalloc(RING_BYTES); memset({|KMEM006:shared_buf|}, 0, RING_BYTES); return 0; }")]
    [InlineData("static int f(bool strict) { KPtr p = kmalloc(8, GFP_KERNEL); if (strict) { if (!p) return -ENOMEM; } memset({|KMEM006:p|}, 0, 8); kfree(p); return 0; }")]
    [InlineData("static int f(byte[] u) { KPtr p = kmalloc(8, GFP_KERNEL); copy_from_user({|KMEM006:p|}, u, 8); kfree(p); return 0; }")]
    [InlineData("static void f() { KPtr a = (KPtr)__get_free_pages(GFP_KERNEL, 1); memset({|KMEM006:a|}, 0, PAGE_SIZE); free_pages((ulong)a, 1); }")]
    [InlineData("static void f(net_dev dev, byte[] u) { KPtr k = memdup_user(u, 8); memcpy(dev.regs, {|KMEM006:k|}, 8); kfree(k); }")]
    [InlineData("static long f() { KPtr p = kmalloc(8, GFP_KERNEL); long n = ksize({|KMEM006:p|}); kfree(p); return n; }")]
    [InlineData("static irqreturn_t isr(int irq, object d) { KPtr p = kmalloc(8, GFP_ATOMIC); {|KMEM006:p.WriteByte(0, 1)|}; kfree(p); return irqreturn_t.IRQ_HANDLED; }")]
    public Task Flags_a_use_before_the_failure_test(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return -ENOMEM; memset(p, 0, 8); kfree(p); return 0; }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (p == NULL) goto fail; memset(p, 0, 8); kfree(p); return 0; fail: return -ENOMEM; }")]
    [InlineData("static int f(byte[] u) { KPtr k = memdup_user(u, 8); if (IS_ERR(k)) return PTR_ERR(k); memset(k, 0, 8); kfree(k); return 0; }")]
    [InlineData("static void f(KPtr p) { memset(p, 0, 8); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (p != NULL) { memset(p, 0, 8); kfree(p); } }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); }")]
    [InlineData("static void f(net_dev dev) { dev.regs = kmalloc(8, GFP_KERNEL); }")]
    [InlineData("static KPtr f() { return kmalloc(8, GFP_KERNEL); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); printk(\"at %lx\\n\", (ulong)p); kfree(p); }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (IS_ERR_OR_NULL(p)) return -ENOMEM; memset(p, 0, 8); kfree(p); return 0; }")]
    [InlineData("static void keep(net_dev d, KPtr b) { d.regs = b; } static int f(net_dev dev) { KPtr p = kmalloc(8, GFP_KERNEL); keep(dev, p); return 0; }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) { return -ENOMEM; } p.WriteInt32(0, 1); kfree(p); return 0; }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); KPtr q = p; if (!q) return -ENOMEM; memset(p, 0, 8); kfree(p); return 0; }")]
    [InlineData("static int f() { ulong a = __get_free_page(GFP_KERNEL); if (a == 0) return -ENOMEM; memset((KPtr)a, 0, PAGE_SIZE); free_page(a); return 0; }")]
    [InlineData("static int f(net_dev dev) { dev.regs = kzalloc(64, GFP_KERNEL); if (!dev.regs) return -ENOMEM; memset(dev.regs, 1, 64); return 0; }")]
    [InlineData("static int f() { for (int i = 0; i < 4; i++) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return -ENOMEM; p[0] = 1; kfree(p); } return 0; }")]
    public Task Accepts_uses_after_the_test(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_allocator_at_the_use() =>
        Verify.VerifyAsync(Driver.Module("static void f() { KPtr p = vzalloc(64); memset({|#0:p|}, 0, 64); vfree(p); }"),
            Verify.Diagnostic().WithLocation(0).WithArguments("vzalloc").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Fix_inserts_the_test_in_each_convention_with_fix_all() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static int f()
                {
                    KPtr p = kmalloc(8, GFP_KERNEL);
                    memset({|KMEM006:p|}, 0, 8);
                    kfree(p);
                    return 0;
                }
                static void g(net_dev dev)
                {
                    dev.regs = kzalloc(64, GFP_KERNEL);
                    memset({|KMEM006:dev.regs|}, 1, 64);
                }
                static KPtr h()
                {
                    KPtr b = vmalloc(RING_BYTES);
                    b.WriteInt32(0, 7);
                    return b;
                }
                static int k(byte[] u)
                {
                    KPtr c = memdup_user(u, 8);
                    c[0] = 1;
                    kfree(c);
                    return 0;
                }
            """).Replace("b.WriteInt32(0, 7)", "{|KMEM006:b.WriteInt32(0, 7)|}").Replace("c[0] = 1", "{|KMEM006:c[0]|} = 1"), Driver.Module("""
                static int f()
                {
                    KPtr p = kmalloc(8, GFP_KERNEL);
                    if (!p) return -ENOMEM;
                    memset(p, 0, 8);
                    kfree(p);
                    return 0;
                }
                static void g(net_dev dev)
                {
                    dev.regs = kzalloc(64, GFP_KERNEL);
                    if (!dev.regs) return;
                    memset(dev.regs, 1, 64);
                }
                static KPtr h()
                {
                    KPtr b = vmalloc(RING_BYTES);
                    if (!b) return NULL;
                    b.WriteInt32(0, 7);
                    return b;
                }
                static int k(byte[] u)
                {
                    KPtr c = memdup_user(u, 8);
                    if (IS_ERR(c)) return PTR_ERR(c);
                    c[0] = 1;
                    kfree(c);
                    return 0;
                }
            """));

    [Fact]
    public Task Fix_jumps_to_the_unwind_label_that_releases_what_is_held() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static int probe(net_dev dev)
                {
                    int ret;
                    KPtr regs = kzalloc(64, GFP_KERNEL);
                    if (!regs)
                        return -ENOMEM;
                    KPtr ring = vzalloc(RING_BYTES);
                    memset({|KMEM006:ring|}, 0, RING_BYTES);
                    if (dev.rx_count == 0) {
                        ret = -EINVAL;
                        goto err_ring;
                    }
                    dev.regs = regs;
                    dev.rx_ring = ring;
                    return 0;
                err_ring:
                    vfree(ring);
                err_regs:
                    kfree(regs);
                    return ret;
                }
            """), Driver.Module("""
                static int probe(net_dev dev)
                {
                    int ret;
                    KPtr regs = kzalloc(64, GFP_KERNEL);
                    if (!regs)
                        return -ENOMEM;
                    KPtr ring = vzalloc(RING_BYTES);
                    if (!ring) { ret = -ENOMEM; goto err_regs; }
                    memset(ring, 0, RING_BYTES);
                    if (dev.rx_count == 0) {
                        ret = -EINVAL;
                        goto err_ring;
                    }
                    dev.regs = regs;
                    dev.rx_ring = ring;
                    return 0;
                err_ring:
                    vfree(ring);
                err_regs:
                    kfree(regs);
                    return ret;
                }
            """));
}
