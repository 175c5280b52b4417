using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.WrongFailureTestAnalyzer>;
using VerifyFix = Kmem.Analyzers.Tests.Infrastructure.CodeFixVerifier<Kmem.Analyzers.Rules.WrongFailureTestAnalyzer, Kmem.CodeFixes.WrongFailureTestCodeFix>;

namespace Kmem.Analyzers.Tests.Rules.KMEM005;

public sealed class WrongFailureTestTests
{
    [Theory]
    [InlineData("static int f() { KPtr p = kmalloc(BUF_SIZE, GFP_KERNEL); if ({|KMEM005:IS_ERR(p)|}) return PTR_ERR(p); kfree(p); return 0; }")]
    [InlineData("static int f(net_dev dev) { dev.regs = kzalloc(64, GFP_KERNEL); if ({|KMEM005:IS_ERR(dev.regs)|}) return PTR_ERR(dev.regs); return 0; }")]
    [InlineData("static int f() { shared_buf = vmalloc(RING_BYTES); if ({|KMEM005:IS_ERR(shared_buf)|}) return -ENOMEM; return 0; }")]
    [InlineData("static int f() { KPtr p = (KPtr)__get_free_pages(GFP_KERNEL, 2); if ({|KMEM005:IS_ERR(p)|}) return PTR_ERR(p); free_pages((ulong)p, 2); return 0; }")]
    [InlineData("static int f() { KPtr p = kcalloc(4, 16, GFP_KERNEL); if (!{|KMEM005:IS_ERR(p)|}) { kfree(p); return 0; } return PTR_ERR(p); }")]
    [InlineData("static int f() { KPtr p = kvmalloc(RING_BYTES, GFP_KERNEL); if ({|KMEM005:IS_ERR(p)|}) return PTR_ERR(p); kvfree(p); return 0; }")]
    [InlineData("static int f() { KPtr p = kmalloc_array(RX_ENTRIES, 16, GFP_KERNEL); if ({|KMEM005:IS_ERR(p)|}) return PTR_ERR(p); kfree(p); return 0; }")]
    [InlineData("static int f(net_dev dev) { KPtr o = kmem_cache_alloc(dev.cache, GFP_KERNEL); if ({|KMEM005:IS_ERR(o)|}) return PTR_ERR(o); kmem_cache_free(dev.cache, o); return 0; }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); KPtr q = p; if ({|KMEM005:IS_ERR(q)|}) return PTR_ERR(q); kfree(q); return 0; }")]
    [InlineData("static KPtr alloc_ring() { return kzalloc(RING_BYTES, GFP_KERNEL); } static int f() { KPtr r = alloc_ring(); if ({|KMEM005:IS_ERR(r)|}) return PTR_ERR(r); kfree(r); return 0; }")]
    [InlineData("static int f(net_dev dev) { int ret; dev.regs = kzalloc(64, GFP_KERNEL); if (!dev.regs) return -ENOMEM; dev.rx_ring = vzalloc(RING_BYTES); if ({|KMEM005:IS_ERR(dev.rx_ring)|}) { ret = PTR_ERR(dev.rx_ring); goto err_regs; } return 0; err_regs: kfree(dev.regs); return ret; }")]
    [InlineData("static int f(byte[] u) { KPtr k = memdup_user(u, 16); if ({|KMEM005:k == NULL|}) return -ENOMEM; kfree(k); return 0; }")]
    [InlineData("static int f(byte[] u) { KPtr k = memdup_user(u, 16); if ({|KMEM005:!k|}) return -EFAULT; kfree(k); return 0; }")]
    [InlineData("static int f(string s) { KPtr k = strndup_user(s, 32); if ({|KMEM005:k == NULL|}) return -ENOMEM; kfree(k); return 0; }")]
    [InlineData("static KPtr dup_cmd(byte[] u) { return memdup_user(u, 32); } static int f(byte[] u) { KPtr c = dup_cmd(u); if ({|KMEM005:!c|}) return -ENOMEM; kfree(c); return 0; }")]
    [InlineData("static int f(byte[] u) { KPtr k = memdup_user(u, 8); if ({|KMEM005:k != NULL|}) { kfree(k); return 0; } return -ENOMEM; }")]
    [InlineData("static int f() { ulong a = __get_free_page(GFP_KERNEL); if ({|KMEM005:IS_ERR((KPtr)a)|}) return -ENOMEM; free_page(a); return 0; }")]
    public Task Flags_a_test_that_cannot_see_the_failure(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Theory]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (!p) return -ENOMEM; kfree(p); return 0; }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (p == NULL) return -ENOMEM; kfree(p); return 0; }")]
    [InlineData("static int f(byte[] u) { KPtr k = memdup_user(u, 8); if (IS_ERR(k)) return PTR_ERR(k); kfree(k); return 0; }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (IS_ERR_OR_NULL(p)) return -ENOMEM; kfree(p); return 0; }")]
    [InlineData("static int f(KPtr p) { if (IS_ERR(p)) return PTR_ERR(p); return 0; }")]
    [InlineData("static KPtr dup_cmd(byte[] u) { return memdup_user(u, 32); } static int f(byte[] u) { KPtr c = dup_cmd(u); if (IS_ERR(c)) return PTR_ERR(c); kfree(c); return 0; }")]
    [InlineData("static int f() { ulong a = __get_free_pages(GFP_KERNEL, 1); if (a == 0) return -ENOMEM; free_pages(a, 1); return 0; }")]
    [InlineData("static int f() { page pg = alloc_pages(GFP_KERNEL, 0); if (pg == null) return -ENOMEM; __free_pages(pg, 0); return 0; }")]
    [InlineData("static int f(net_dev dev, byte[] u) { dev.regs = memdup_user(u, 8); if (IS_ERR(dev.regs)) return PTR_ERR(dev.regs); return 0; }")]
    [InlineData("static int f() { KPtr p = ERR_PTR(-EIO); if (IS_ERR(p)) return PTR_ERR(p); return 0; }")]
    [InlineData("static int f(byte[] u) { KPtr k = memdup_user(u, 8); if (!IS_ERR(k)) { kfree(k); return 0; } return PTR_ERR(k); }")]
    [InlineData("static int f() { KPtr p = kmalloc(8, GFP_KERNEL); if (p == KPtr.Null) return -ENOMEM; kfree(p); return 0; }")]
    [InlineData("static int f() { shared_buf = vmalloc(RING_BYTES); if (!shared_buf) goto err; return 0; err: return -ENOMEM; }")]
    [InlineData("static int f(net_dev dev) { dev.cache = kmem_cache_create(\"rx\", 64, 0, default, null); if (dev.cache == null) return -ENOMEM; return 0; }")]
    [InlineData("static KPtr get_buf(long n) { if (n > 4096) return ERR_PTR(-EINVAL); return kmalloc(n, GFP_KERNEL); } static int f() { KPtr b = get_buf(64); if (IS_ERR(b)) return PTR_ERR(b); kfree(b); return 0; }")]
    [InlineData("static int f(net_dev dev) { dev.regs = kzalloc(64, GFP_KERNEL); if (dev.regs == default) return -ENOMEM; return 0; }")]
    public Task Accepts_the_allocators_own_test(string members) => Verify.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task Names_the_test_the_allocator_and_its_failure() =>
        Verify.VerifyAsync(Driver.Module("static int f() { KPtr p = (KPtr)__get_free_pages(GFP_KERNEL, 2); if ({|#0:IS_ERR(p)|}) return PTR_ERR(p); free_pages((ulong)p, 2); return 0; }"),
            Verify.Diagnostic().WithLocation(0).WithArguments("IS_ERR", "__get_free_pages", "an error pointer", "0"));

    [Fact]
    public Task Names_the_null_test_of_an_error_pointer() =>
        Verify.VerifyAsync(Driver.Module("static int f(byte[] u) { KPtr k = memdup_user(u, 16); if ({|#0:k == NULL|}) return -ENOMEM; kfree(k); return 0; }"),
            Verify.Diagnostic().WithLocation(0).WithArguments("'k == NULL'", "memdup_user", "NULL", "an error pointer"));

    [Fact]
    public Task Fix_tests_for_null_and_returns_enomem_like_the_seed() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static KPtr kmem;
                static KPtr pages;
                static int init()
                {
                    int ret = -ENOMEM;
                    kmem = kmalloc(100, GFP_KERNEL);
                    if ({|KMEM005:IS_ERR(kmem)|}) {
                        ret = PTR_ERR(kmem);
                        goto fail;
                    }
                    pages = (KPtr)__get_free_pages(GFP_KERNEL, 4);
                    if ({|KMEM005:IS_ERR(pages)|}) {
                        ret = PTR_ERR(pages);
                        goto free_kmem;
                    }
                    return 0;
                free_kmem:
                    kfree(kmem);
                fail:
                    return ret;
                }
            """), Driver.Module("""
                static KPtr kmem;
                static KPtr pages;
                static int init()
                {
                    int ret = -ENOMEM;
                    kmem = kmalloc(100, GFP_KERNEL);
                    if (kmem == NULL) {
                        ret = -ENOMEM;
                        goto fail;
                    }
                    pages = (KPtr)__get_free_pages(GFP_KERNEL, 4);
                    if (pages == NULL) {
                        ret = -ENOMEM;
                        goto free_kmem;
                    }
                    return 0;
                free_kmem:
                    kfree(kmem);
                fail:
                    return ret;
                }
            """));

    [Fact]
    public Task Fix_writes_addr_eq_0_for_a_page_address_and_negates() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static int f()
                {
                    ulong a = __get_free_page(GFP_KERNEL);
                    if ({|KMEM005:IS_ERR((KPtr)a)|})
                        return PTR_ERR((KPtr)a);
                    KPtr p = kmalloc(8, GFP_KERNEL);
                    if (!{|KMEM005:IS_ERR(p)|}) {
                        kfree(p);
                    } else {
                        free_page(a);
                        return PTR_ERR(p);
                    }
                    free_page(a);
                    return 0;
                }
            """), Driver.Module("""
                static int f()
                {
                    ulong a = __get_free_page(GFP_KERNEL);
                    if (a == 0)
                        return -ENOMEM;
                    KPtr p = kmalloc(8, GFP_KERNEL);
                    if (p != NULL) {
                        kfree(p);
                    } else {
                        free_page(a);
                        return -ENOMEM;
                    }
                    free_page(a);
                    return 0;
                }
            """));

    [Fact]
    public Task Fix_turns_null_tests_of_error_pointers_into_is_err() =>
        VerifyFix.VerifyFixAsync(Driver.Module("""
                static int f(byte[] u, string s)
                {
                    KPtr k = memdup_user(u, 16);
                    if ({|KMEM005:!k|})
                        return -ENOMEM;
                    KPtr n = strndup_user(s, 16);
                    if ({|KMEM005:n != NULL|}) {
                        kfree(n);
                    } else {
                        kfree(k);
                        return -EFAULT;
                    }
                    kfree(k);
                    return 0;
                }
            """), Driver.Module("""
                static int f(byte[] u, string s)
                {
                    KPtr k = memdup_user(u, 16);
                    if (IS_ERR(k))
                        return PTR_ERR(k);
                    KPtr n = strndup_user(s, 16);
                    if (!IS_ERR(n)) {
                        kfree(n);
                    } else {
                        kfree(k);
                        return PTR_ERR(n);
                    }
                    kfree(k);
                    return 0;
                }
            """));
}
