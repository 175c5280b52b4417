using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.UseAfterReleaseAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM008;

public sealed class UseAfterReleaseTests
{
    private const string Drop = "static void drop(KPtr b) { kfree(b); } ";

    [Theory]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); memset({|KMEM008:p|}, 0, 8); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); memcpy(dev.regs, {|KMEM008:p|}, 8); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); {|KMEM008:p.WriteInt32(0, 1)|}; }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); {|KMEM008:p[0]|} = 1; }")]
    [InlineData("static void fill(KPtr b) { memset(b, 0, 8); } static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); fill({|KMEM008:p|}); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); {|KMEM008:vfree(p)|}; }")]
    [InlineData("static void f(bool err) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; if (err) kfree(p); memset({|KMEM008:p|}, 0, 8); kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; KPtr q = p; kfree(p); memset({|KMEM008:q|}, 0, 8); }")]
    [InlineData("static void f(net_dev dev) { dev.regs = kzalloc(64, GFP_KERNEL); if (!dev.regs) return; kfree(dev.regs); memset({|KMEM008:dev.regs|}, 0, 64); }")]
    [InlineData(Drop + "static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; drop(p); memset({|KMEM008:p|}, 0, 8); }")]
    [InlineData("static void f(byte[] u) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); copy_to_user(u, {|KMEM008:p|}, 8); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); KPtr c = kmemdup({|KMEM008:p|}, 8, GFP_KERNEL); kfree(c); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = vmalloc(RING_BYTES); if (!p) return; vfree(p); memcpy({|KMEM008:p|}, dev.regs, 8); }")]
    [InlineData("static void f(KPtr b) { kfree(b); memset({|KMEM008:b|}, 0, 8); }")]
    [InlineData("static void f() { shared_buf = kzalloc(64, GFP_KERNEL); if (!shared_buf) return; kfree(shared_buf); {|KMEM008:shared_buf.ReadInt32()|}; }")]
    public Task Flags_a_use_after_release(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; memset(p, 0, 8); kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; kfree(p); p = NULL; kfree(p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); p = kmalloc(8, GFP_KERNEL); if (!p) return; memset(p, 0, 8); kfree(p); }")]
    [InlineData("static void f(bool x) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; if (x) { kfree(p); return; } memset(p, 0, 8); kfree(p); }")]
    [InlineData("static void f(bool o) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; if (o) { kfree(p); p = kmalloc(16, GFP_KERNEL); if (!p) return; } memset(p, 0, 8); kfree(p); }")]
    [InlineData("static void f() { for (int i = 0; i < 4; i++) { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; p[0] = 1; kfree(p); } }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); printk(\"freed %px\\n\", (ulong)p); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); KPtr q = kmalloc(8, GFP_KERNEL); if (!p || !q) return; kfree(q); memset(p, 0, 8); kfree(p); }")]
    [InlineData("static void f(net_dev dev) { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); dev.regs = NULL; }")]
    [InlineData("static bool f() { KPtr p = kmalloc(8, GFP_KERNEL); kfree(p); return p == NULL; }")]
    [InlineData("static void keep(net_dev d, KPtr b) { d.regs = b; } static void f(net_dev dev) { KPtr p = kmalloc(8, GFP_KERNEL); keep(dev, p); }")]
    [InlineData("static void f(KPtr b) { memset(b, 0, 8); kfree(b); }")]
    [InlineData("static void f(net_dev dev) { kfree(dev.regs); dev.regs = kzalloc(64, GFP_KERNEL); if (!dev.regs) return; memset(dev.regs, 0, 64); }")]
    [InlineData("static void f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return; KPtr c = kmemdup(p, 8, GFP_KERNEL); kfree(p); kfree(c); }")]
    [InlineData("static void f() { KPtr p = vmalloc(64); if (!p) return; memset(p, 1, 64); vfree(p); }")]
    public Task Accepts_uses_before_release_or_after_reset(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_release() =>
        Verify.VerifyAsync(Driver.Module("static void f() {\n KPtr p = kmalloc(8, GFP_KERNEL);\n kfree(p);\n memset({|#0:p|}, 0, 8);\n }"),
            Verify.Diagnostic().WithLocation(0).WithArguments("The memory allocated by kmalloc", "by kfree at line 18"));
}
