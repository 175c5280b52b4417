using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Summaries;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>The pointer-state engine itself: site values, refinement on branch edges, events and summaries.</summary>
public sealed class PointerFactsTests
{
    private static async Task<(AnalysisSession Session, Compilation Compilation)> CompileAsync(string source)
    {
        var compilation = await KmemCompilationFactory.CreateAsync("Flow",
            new[] { new SourceFile("Test0.cs", "using Kmem;\nusing static Kmem.Kernel;\n" + source) }, withKmemRuntime: true);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (AnalysisSession.For(compilation)!, compilation);
    }

    private static IMethodSymbol Method(Compilation compilation, string name) =>
        compilation.GetSymbolsWithName(name, SymbolFilter.Member).OfType<IMethodSymbol>().Single();

    [Fact]
    public async Task NullTestRefinesEachEdgeAndTheExitJoinsThem()
    {
        var (session, compilation) = await CompileAsync("""
            static class M
            {
                static KPtr kept;
                static int f()
                {
                    KPtr p = kmalloc(8, GFP_KERNEL);
                    if (!p)
                        return -ENOMEM;
                    kept = p;
                    return 0;
                }
            }
            """);
        var facts = PointerFacts.For(session, Method(compilation, "f"));
        var site = Assert.Single(facts.Sites);
        Assert.Equal(MemoryFamily.Kmalloc, site.Family);
        Assert.Equal(SiteFlags.Null | SiteFlags.EscapedNonNull, facts.Exit![site.Index]);
        Assert.Empty(facts.Log.Leaks);
        var test = Assert.Single(facts.Log.Tests);
        Assert.Equal(TestKind.Null, test.Kind);
        Assert.Equal(SiteFlags.Unchecked, test.Before[site.Index]);
    }

    [Fact]
    public async Task IsErrRefinesOnlyErrorPointerAllocators()
    {
        var (session, compilation) = await CompileAsync("""
            static class M
            {
                static int f(byte[] u)
                {
                    KPtr a = memdup_user(u, u.Length);
                    if (IS_ERR(a))
                        return PTR_ERR(a);
                    KPtr b = kmalloc(8, GFP_KERNEL);
                    if (IS_ERR(b)) {
                        kfree(a);
                        return -ENOMEM;
                    }
                    kfree(b);
                    kfree(a);
                    return 0;
                }
            }
            """);
        var facts = PointerFacts.For(session, Method(compilation, "f"));
        var b = facts.Sites.Single(s => s.Allocator == "kmalloc");
        var a = facts.Sites.Single(s => s.Allocator == "memdup_user");
        var releaseOfB = facts.Log.Releases.Single(r => r.Sites == b.Bit);
        Assert.Equal(FailureKind.ErrPtr, a.FailsWith);
        Assert.Equal(SiteFlags.NonNull, releaseOfB.Before[a.Index]);
        Assert.Equal(SiteFlags.Unchecked, releaseOfB.Before[b.Index]);
    }

    [Fact]
    public async Task CastsAndDerivedPointersKeepTheSite()
    {
        var (session, compilation) = await CompileAsync("""
            static class M
            {
                static void f()
                {
                    KPtr w = (KPtr)__get_free_pages(GFP_KERNEL, 2);
                    ulong back = (ulong)w;
                    memset((KPtr)back + 16, 0, 16);
                    free_pages(back, 2);
                }
            }
            """);
        var facts = PointerFacts.For(session, Method(compilation, "f"));
        var site = Assert.Single(facts.Sites);
        Assert.Equal(2, site.OrderValue);
        var release = Assert.Single(facts.Log.Releases);
        Assert.Equal(site.Bit, release.Sites);
        Assert.Equal(site.Bit, Assert.Single(facts.Log.Uses).Sites);
        Assert.Equal(SiteFlags.Released, facts.Exit![site.Index]);
    }

    [Fact]
    public async Task LoopsReachAFixedPointAndFieldStoresAreRecorded()
    {
        var (session, compilation) = await CompileAsync("""
            sealed class dev_t { public KPtr buf; }
            static class M
            {
                static void f(dev_t dev, int n)
                {
                    for (int i = 0; i < n; i++) {
                        KPtr b = kmalloc(64, GFP_KERNEL);
                        if (!b)
                            continue;
                        kfree(dev.buf);
                        dev.buf = b;
                    }
                }
            }
            """);
        var facts = PointerFacts.For(session, Method(compilation, "f"));
        var site = facts.Sites.Single(s => !s.IsParameter);
        Assert.Empty(facts.Log.Leaks);
        Assert.Equal("buf", Assert.Single(facts.Log.FieldStores).Field.Name);
        // The next iteration releases the previous iteration's buffer through the field: one site, both instances.
        Assert.Equal(SiteFlags.Null | SiteFlags.Released | SiteFlags.EscapedNonNull, facts.Exit![site.Index]);
    }

    [Fact]
    public async Task SummariesInferAllocatorAndReleaseWrappers()
    {
        var (session, compilation) = await CompileAsync("""
            static class M
            {
                static ulong ring_alloc() => __get_free_pages(GFP_KERNEL, 3);
                static KPtr key_dup(byte[] u) { KPtr k = memdup_user(u, u.Length); return k; }
                static void ring_free(ulong r) { if (r != 0) free_pages(r, 3); }
                static void not_always(KPtr p, bool c) { if (c) kfree(p); }
            }
            """);
        var ring = MethodSummaries.Of(session, Method(compilation, "ring_alloc"))!;
        Assert.Equal(MemoryFamily.PageAddress, ring.Allocation!.Family);
        Assert.Equal(3, ring.Allocation.FixedOrder);
        Assert.Equal(FailureKind.ErrPtr, MethodSummaries.Of(session, Method(compilation, "key_dup"))!.Allocation!.FailsWith);
        var free = MethodSummaries.Of(session, Method(compilation, "ring_free"))!;
        Assert.Equal(MemoryFamily.PageAddress, free.Release!.Families);
        Assert.Equal(3, free.Release.FixedOrder);
        Assert.Equal(0, free.FreedParameter);
        Assert.Null(MethodSummaries.Of(session, Method(compilation, "not_always"))!.Release);
    }

    [Fact]
    public async Task RecursionHasNoSummaryAndDoesNotLoop()
    {
        var (session, compilation) = await CompileAsync("""
            static class M
            {
                static KPtr a(int n) => n == 0 ? kmalloc(8, GFP_KERNEL) : b(n - 1);
                static KPtr b(int n) => a(n);
            }
            """);
        Assert.NotNull(MethodSummaries.Of(session, Method(compilation, "a")));
    }

    [Fact]
    public async Task FieldIndexSeesAllocationsOfEveryMethod()
    {
        var (session, compilation) = await CompileAsync("""
            static class M
            {
                static KPtr table;
                static void init() { table = vzalloc(4096); }
            }
            """);
        var field = compilation.GetSymbolsWithName("table", SymbolFilter.Member).OfType<IFieldSymbol>().Single();
        Assert.Equal(MemoryFamily.Vmalloc, Assert.Single(FieldAllocations.For(session).Of(field)).Family);
    }
}
