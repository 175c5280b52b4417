using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.ModuleLifetimeAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM009;

public sealed class ModuleLifetimeTests
{
    private static string Module(string fields, string init, string exit, string more = "") => $$"""
        [ModuleLicense("GPL")]
        static class Mod
        {
            {{fields}}
            [ModuleInit]
            static int mod_init() { {{init}} }
            [ModuleExit]
            static void mod_exit() { {{exit}} }
            {{more}}
        }
        """;

    private const string Ab = "static KPtr a; static KPtr b; static ulong pg; static kmem_cache cache; static page pages;";

    [Theory]
    [InlineData(Ab, "a = {|KMEM009:kmalloc(8, GFP_KERNEL)|}; if (!a) return -ENOMEM; return 0;", "")]
    [InlineData(Ab, "a = {|KMEM009:vmalloc(4096)|}; if (!a) return -ENOMEM; return 0;", "{|KMEM009:kfree(b)|};")]
    [InlineData(Ab, "pg = {|KMEM009:__get_free_pages(GFP_KERNEL, 2)|}; if (pg == 0) return -ENOMEM; return 0;", "")]
    [InlineData(Ab, "return setup();", "", "static int setup() { a = {|KMEM009:kzalloc(64, GFP_KERNEL)|}; if (!a) return -ENOMEM; return 0; }")]
    [InlineData(Ab, "return 0;", "{|KMEM009:kfree(a)|};")]
    [InlineData(Ab, "a = {|KMEM009:kmalloc(8, GFP_KERNEL)|}; if (!a) return -ENOMEM; b = {|KMEM009:vzalloc(64)|}; if (!b) { kfree(a); return -ENOMEM; } return 0;", "")]
    [InlineData(Ab, "cache = {|KMEM009:kmem_cache_create(\"m\", 64, 0, default, null)|}; if (cache == null) return -ENOMEM; return 0;", "")]
    [InlineData(Ab, "pages = {|KMEM009:alloc_pages(GFP_KERNEL, 1)|}; if (pages == null) return -ENOMEM; return 0;", "")]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; return more();", "teardown();", "static int more() { b = {|KMEM009:vmalloc(64)|}; return b == NULL ? -ENOMEM : 0; } static void teardown() { kfree(a); }")]
    [InlineData(Ab, "a = {|KMEM009:kvmalloc(8192, GFP_KERNEL)|}; if (!a) return -ENOMEM; return 0;", "{|KMEM009:vfree(b)|};")]
    [InlineData(Ab, "int ret; a = kzalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; b = {|KMEM009:kzalloc(8, GFP_KERNEL)|}; if (!b) { ret = -ENOMEM; goto err_a; } return 0; err_a: kfree(a); return ret;", "kfree(a);")]
    [InlineData(Ab, "return 0;", "{|KMEM009:free_pages(pg, 1)|};")]
    [InlineData(Ab, "a = {|KMEM009:kcalloc(4, 8, GFP_KERNEL)|}; return a == NULL ? -ENOMEM : 0;", "")]
    [InlineData(Ab, "a = {|KMEM009:kstrdup(\"mod\", GFP_KERNEL)|}; if (!a) return -ENOMEM; pr_info(\"up\\n\"); return 0;", "pr_info(\"down\\n\");")]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; return 0;", "kfree(a); {|KMEM009:vfree(b)|};")]
    public Task Flags_what_init_keeps_and_exit_does_not_release(string fields, string init, string exit, string more = "") =>
        Verify.VerifyAsync(Module(fields, init, exit, more));

    [Theory]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; return 0;", "kfree(a);")]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; return 0;", "teardown();", "static void teardown() { kfree(a); }")]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; return 0;", "drop(a);", "static void drop(KPtr p) { kfree(p); }")]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; memset(a, 0, 8); kfree(a); a = NULL; return 0;", "")]
    [InlineData(Ab, "KPtr t = kmalloc(8, GFP_KERNEL); kfree(t); return 0;", "")]
    [InlineData(Ab, "return 0;", "kfree(a);", "static int open() { a = kmalloc(8, GFP_KERNEL); return a == NULL ? -ENOMEM : 0; }")]
    [InlineData("sealed class dev_t { public KPtr regs; } static dev_t d = new();", "d.regs = kmalloc(8, GFP_KERNEL); if (!d.regs) return -ENOMEM; return 0;", "")]
    [InlineData(Ab, "a = get_shared(); return 0;", "kfree(a);", "static KPtr get_shared() { return shared; } static KPtr shared;")]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; return 0;", "vfree(a);")]
    [InlineData(Ab, "return setup();", "kfree(a);", "static int setup() { a = kzalloc(64, GFP_KERNEL); if (!a) return -ENOMEM; return 0; }")]
    [InlineData(Ab, "int ret; a = kzalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; b = vzalloc(8); if (!b) { ret = -ENOMEM; goto err_a; } return 0; err_a: kfree(a); return ret;", "vfree(b); kfree(a);")]
    [InlineData(Ab, "pg = __get_free_pages(GFP_KERNEL, 2); if (pg == 0) return -ENOMEM; return 0;", "free_pages(pg, 2);")]
    [InlineData(Ab, "cache = kmem_cache_create(\"m\", 64, 0, default, null); if (cache == null) return -ENOMEM; return 0;", "kmem_cache_destroy(cache);")]
    [InlineData(Ab, "pages = alloc_pages(GFP_KERNEL, 1); if (pages == null) return -ENOMEM; return 0;", "__free_pages(pages, 1);")]
    [InlineData(Ab, "a = kmalloc(8, GFP_KERNEL); if (!a) return -ENOMEM; b = kmalloc(8, GFP_KERNEL); if (!b) { kfree(a); return -ENOMEM; } return 0;", "kfree(a); kfree(b);")]
    public Task Accepts_a_module_that_releases_what_it_keeps(string fields, string init, string exit, string more = "") =>
        Verify.VerifyAsync(Module(fields, init, exit, more));

    [Fact]
    public Task Accepts_a_module_without_exit() => Verify.VerifyAsync("""
        static class NoExit
        {
            static KPtr a;
            [ModuleInit]
            static int init() { a = kmalloc(8, GFP_KERNEL); return a == NULL ? -ENOMEM : 0; }
        }
        """);

    [Fact]
    public Task Flags_what_a_helper_of_another_class_keeps_for_init() => Verify.VerifyAsync("""
        static class Buffers
        {
            public static KPtr pool;
            public static int fill() { pool = {|#0:vmalloc(4096)|}; return pool == NULL ? -ENOMEM : 0; }
        }
        [ModuleLicense("GPL")]
        static class Mod
        {
            [ModuleInit]
            static int mod_init() { return Buffers.fill(); }
            [ModuleExit]
            static void mod_exit() { pr_info("down\n"); }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("pool is set by mod_init (vmalloc) but mod_exit does not release it")
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Names_the_field_init_and_exit() =>
        Verify.VerifyAsync(Module(Ab, "a = {|#0:vmalloc(64)|}; if (!a) return -ENOMEM; return 0;", "kfree(b);").Replace("kfree(b);", "{|#1:kfree(b)|};"),
            Verify.Diagnostic().WithLocation(0).WithArguments("a is set by mod_init (vmalloc) but mod_exit does not release it").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations),
            Verify.Diagnostic().WithLocation(1).WithArguments("mod_exit releases b, which mod_init never sets"));

    [Fact]
    public Task Fix_adds_the_releases_to_exit_in_reverse_order_with_fix_all() =>
        // Both releases go before the same statement; the batch fixer applies one insertion per point and pass.
        new Kmem.Analyzers.Tests.Infrastructure.KmemCodeFixTest<Kmem.Analyzers.Rules.ModuleLifetimeAnalyzer, Kmem.CodeFixes.ModuleLifetimeCodeFix>
        {
            NumberOfFixAllIterations = 2,
            TestCode = """
            [ModuleLicense("GPL")]
            static class MemoryModule
            {
                static KPtr kmem;
                static ulong pages;
                static KPtr vmem;

                [ModuleInit]
                static int init()
                {
                    kmem = kmalloc(100, GFP_KERNEL);
                    if (!kmem)
                        return -ENOMEM;
                    pages = {|KMEM009:__get_free_pages(GFP_KERNEL, 4)|};
                    if (pages == 0) {
                        kfree(kmem);
                        return -ENOMEM;
                    }
                    vmem = {|KMEM009:vmalloc(1024)|};
                    if (!vmem) {
                        free_pages(pages, 4);
                        kfree(kmem);
                        return -ENOMEM;
                    }
                    return 0;
                }

                [ModuleExit]
                static void exit()
                {
                    kfree(kmem);
                }
            }
            """,
            FixedCode = """
            [ModuleLicense("GPL")]
            static class MemoryModule
            {
                static KPtr kmem;
                static ulong pages;
                static KPtr vmem;

                [ModuleInit]
                static int init()
                {
                    kmem = kmalloc(100, GFP_KERNEL);
                    if (!kmem)
                        return -ENOMEM;
                    pages = __get_free_pages(GFP_KERNEL, 4);
                    if (pages == 0) {
                        kfree(kmem);
                        return -ENOMEM;
                    }
                    vmem = vmalloc(1024);
                    if (!vmem) {
                        free_pages(pages, 4);
                        kfree(kmem);
                        return -ENOMEM;
                    }
                    return 0;
                }

                [ModuleExit]
                static void exit()
                {
                    vfree(vmem);
                    free_pages(pages, 4);
                    kfree(kmem);
                }
            }
            """,
        }.RunAsync(System.Threading.CancellationToken.None);
}
