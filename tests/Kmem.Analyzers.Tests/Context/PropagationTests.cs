using System.Threading.Tasks;
using Xunit;

namespace Kmem.Analyzers.Tests.Context;

/// <summary>Gfp-forwarding summaries and the atomic propagation over the call graph.</summary>
public sealed class PropagationTests
{
    [Fact]
    public async Task Wrappers_forward_their_mask_through_other_wrappers_but_not_a_cleared_one()
    {
        var fixture = (await ContextFixture.CreateAsync("""
            using Kmem;
            using static Kmem.Kernel;
            static class D
            {
                static KPtr inner(long n, gfp_t gfp) => kmalloc(n, gfp | __GFP_NOWARN);
                static KPtr outer(gfp_t flags, int unused) => inner(8, flags);
                static KPtr cleared(gfp_t gfp) => kmalloc(8, gfp & ~__GFP_DIRECT_RECLAIM);
                static KPtr chosen(gfp_t gfp) { gfp_t g = gfp; return kmalloc(8, g); }
            }
            """)).Propagate();

        Assert.Equal(new[] { "kmalloc" }, fixture.Node("inner").ForwardedGfp[1]);
        Assert.Equal(new[] { "inner", "kmalloc" }, fixture.Node("outer").ForwardedGfp[0]);
        Assert.Single(fixture.Node("outer").ForwardedGfp);
        Assert.Empty(fixture.Node("cleared").ForwardedGfp);
        Assert.Empty(fixture.Node("chosen").ForwardedGfp);
    }

    [Fact]
    public async Task Atomic_context_takes_the_shortest_chain_and_stops_at_sleeping_calls()
    {
        var fixture = (await ContextFixture.CreateAsync("""
            using Kmem;
            using static Kmem.Kernel;
            static class D
            {
                static void leaf() => udelay(1);
                static void middle() => leaf();
                [MightSleep] static void sleeper() => leaf2();
                static void leaf2() => udelay(2);
                [Atomic] static void root() { middle(); leaf(); sleeper(); }
                static void process() => leaf2();
            }
            """)).Propagate();

        Assert.Equal(new[] { "root", "leaf" }, fixture.Node("leaf").Atomic!.Path());
        Assert.Equal(new[] { "root", "middle" }, fixture.Node("middle").Atomic!.Path());
        Assert.Equal("root runs in atomic context (marked [Atomic])", fixture.Node("leaf").Atomic!.Why);
        Assert.Null(fixture.Node("sleeper").Atomic);
        Assert.Null(fixture.Node("leaf2").Atomic);
        Assert.Null(fixture.Node("process").Atomic);
    }

    [Fact]
    public async Task Section_callees_are_atomic_unless_they_release_the_section()
    {
        var fixture = (await ContextFixture.CreateAsync("""
            using Kmem;
            using static Kmem.Kernel;
            static class D
            {
                static readonly spinlock_t lk = new();
                static void inside() => udelay(1);
                static void unlocker() => spin_unlock(lk);
                static void f()
                {
                    spin_lock(lk);
                    inside();
                    unlocker();
                }
            }
            """)).Propagate();

        Assert.Equal("f holds spin_lock (taken at line 10)", fixture.Node("inside").Atomic!.Why);
        Assert.True(fixture.Node("unlocker").ReleasesCallerSection);
        Assert.Null(fixture.Node("unlocker").Atomic);
        Assert.Null(fixture.Node("f").Atomic);
    }
}
