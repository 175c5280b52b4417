using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.DoubleReleaseAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM007;

public sealed class DoubleReleaseTests
{
    private const string Drop = "static void drop(KPtr b) { kfree(b); } ";

    [Theory]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); {|KMEM007:kfree(p)|}; }")]
    [InlineData("static int probe(net_dev dev) { int ret; KPtr a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; KPtr b = kmalloc(8, GFP_KERNEL); if (!b) { ret = -ENOMEM; goto err_a; } if (dev.rx_count == 0) { kfree(b); ret = -EINVAL; goto err_b; } dev.regs = a; dev.rx_ring = b; return 0; err_b: {|KMEM007:kfree(b)|}; err_a: kfree(a); return ret; }")]
    [InlineData(Drop + "static void f() { KPtr p = kmalloc(8, GFP_KERNEL); drop(p); {|KMEM007:kfree(p)|}; }")]
    [InlineData(Drop + "static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); {|KMEM007:drop(p)|}; }")]
    [InlineData("static void f(bool err) { KPtr p = kmalloc(8, GFP_KERNEL); if (err) kfree(p); {|KMEM007:kfree(p)|}; }")]
    [InlineData("static void f() { KPtr p = vmalloc(RING_BYTES); vfree(p); {|KMEM007:vfree(p)|}; }")]
    [InlineData("static void f() { ulong a = __get_free_pages(GFP_KERNEL, 2); free_pages(a, 2); {|KMEM007:free_pages(a, 2)|}; }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); {|KMEM007:kvfree(p)|}; }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); KPtr q = p; kfree(p); {|KMEM007:kfree(q)|}; }")]
    [InlineData("static void f() { shared_buf = kzalloc(64, GFP_KERNEL); kfree(shared_buf); {|KMEM007:kfree(shared_buf)|}; }")]
    [InlineData("static void f(net_dev dev) { dev.regs = kzalloc(64, GFP_KERNEL); kfree(dev.regs); {|KMEM007:kfree(dev.regs)|}; }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); for (int i = 0; i < 2; i++) {|KMEM007:kfree(p)|}; }")]
    [InlineData("static void f(KPtr b) { kfree(b); {|KMEM007:kfree(b)|}; }")]
    [InlineData("static int f(bool bad) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return -ENOMEM; if (bad) { kfree(p); goto err; } return 0; err: {|KMEM007:kfree(p)|}; return -EINVAL; }")]
    [InlineData("static void f() { page pg = alloc_pages(GFP_KERNEL, 1); if (pg == null) return; __free_pages(pg, 1); {|KMEM007:__free_pages(pg, 1)|}; }")]
    [InlineData("[ModuleInit] static int init() { shared_buf = kmalloc(BUF_SIZE, GFP_KERNEL); if (!shared_buf) return -ENOMEM; return 0; } static int reset(int mode) { if (mode < 0) { kfree(shared_buf); return -EINVAL; } return 0; } [ModuleExit] static void exit() { {|KMEM007:kfree(shared_buf)|}; }")]
    [InlineData(Drop + "[ModuleInit] static int init() { shared_buf = kmalloc(BUF_SIZE, GFP_KERNEL); if (!shared_buf) return -ENOMEM; return 0; } static void reset() { memset(shared_buf, 0, 8); drop(shared_buf); } [ModuleExit] static void exit() { {|KMEM007:kfree(shared_buf)|}; }")]
    public Task Flags_a_second_release(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); p = NULL; kfree(p); }")]
    [InlineData("static int probe(net_dev dev) { int ret; KPtr a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; KPtr b = kmalloc(8, GFP_KERNEL); if (!b) { ret = -ENOMEM; goto err_a; } if (dev.rx_count == 0) { ret = -EINVAL; goto err_b; } dev.regs = a; dev.rx_ring = b; return 0; err_b: kfree(b); err_a: kfree(a); return ret; }")]
    [InlineData("static void f(bool x) { KPtr p = kmalloc(8, GFP_KERNEL); if (x) kfree(p); else kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); p = kmalloc(16, GFP_KERNEL); kfree(p); }")]
    [InlineData("static void f(bool o) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; if (o) { kfree(p); p = kmalloc(16, GFP_KERNEL); if (!p) return; } kfree(p); }")]
    [InlineData("static void f() { for (int i = 0; i < 4; i++) { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); } }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) goto fail; kfree(p); return 0; fail: kfree(p); return -ENOMEM; }")]
    [InlineData("[ModuleInit] static int init() { shared_buf = kmalloc(BUF_SIZE, GFP_KERNEL); if (!shared_buf) return -ENOMEM; return 0; } static int reset(int mode) { if (mode < 0) { kfree(shared_buf); shared_buf = NULL; return -EINVAL; } return 0; } [ModuleExit] static void exit() { kfree(shared_buf); }")]
    [InlineData("[ModuleInit] static int init() { shared_buf = kmalloc(BUF_SIZE, GFP_KERNEL); if (!shared_buf) return -ENOMEM; if (RX_ENTRIES > 128) { kfree(shared_buf); return -EINVAL; } return 0; } [ModuleExit] static void exit() { kfree(shared_buf); }")]
    [InlineData("static void f() { KPtr a = kmalloc(8, GFP_KERNEL); KPtr b = kmalloc(8, GFP_KERNEL); kfree(a); kfree(b); }")]
    [InlineData(Drop + "static void f() { KPtr p = kmalloc(8, GFP_KERNEL); drop(p); p = NULL; kfree(p); }")]
    [InlineData("[ModuleExit] static void exit() { kfree(shared_buf); }")]
    [InlineData("static void f(net_dev dev) { kfree(dev.regs); kfree(dev.rx_ring); }")]
    [InlineData("static void f(net_dev dev) { kfree(dev.regs); dev.regs = NULL; kfree(dev.regs); }")]
    [InlineData("static void f(KPtr a, KPtr b) { kfree(a); kfree(b); }")]
    [InlineData("static void swap(net_dev dev) { KPtr old = dev.regs; dev.regs = kzalloc(64, GFP_KERNEL); kfree(old); }")]
    [InlineData(Drop + "[ModuleInit] static int init() { shared_buf = kmalloc(BUF_SIZE, GFP_KERNEL); if (!shared_buf) return -ENOMEM; return 0; } static void reset() { memset(shared_buf, 0, 8); } static void teardown() { drop(shared_buf); } [ModuleExit] static void exit() { teardown(); }")]
    public Task Accepts_one_release_per_path(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_first_release() =>
        Verify.VerifyAsync(Driver.Module("static void f() {\n KPtr p = vzalloc(64);\n vfree(p);\n {|#0:vfree(p)|};\n }"),
            Verify.Diagnostic().WithLocation(0).WithArguments("The memory allocated by vzalloc", "by vfree at line 18"));
}
