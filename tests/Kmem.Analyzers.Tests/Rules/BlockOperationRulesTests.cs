using System.Threading.Tasks;
using Xunit;
using VerifyFlags = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.BadGfpFlagsAnalyzer>;
using VerifyMultiplication = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.OpenCodedMultiplicationAnalyzer>;
using VerifyNullTest = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.NullTestBeforeFreeAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules;

/// <summary>
/// The rules that judge one call or one <c>if</c> at a time walk each body's operations from an operation block action
/// (<c>Infrastructure/BlockOperations</c>): every kind of code block is walked, and so are the lambdas and local
/// functions inside a body.
/// </summary>
public sealed class BlockOperationRulesTests
{
    [Theory]
    [InlineData("static void f(int n) { System.Func<KPtr> make = () => kmalloc({|KMEM012:n * BUF_SIZE|}, GFP_KERNEL); shared_buf = make(); }")]
    [InlineData("static void f(int n) { shared_buf = make(); KPtr make() => kzalloc({|KMEM012:BUF_SIZE * n|}, GFP_KERNEL); }")]
    [InlineData("static long count; static KPtr table = kmalloc({|KMEM012:count * BUF_SIZE|}, GFP_KERNEL);")]
    [InlineData("static KPtr Table => vmalloc({|KMEM012:RX_ENTRIES * shared_count|}); static int shared_count;")]
    [InlineData("static void f(int n) { System.Action outer = () => { System.Action inner = () => shared_buf = vzalloc({|KMEM012:n * 16|}); inner(); }; outer(); }")]
    public Task Calls_in_every_kind_of_code_are_judged(string members) => VerifyMultiplication.VerifyAsync(Driver.Module(members));

    [Fact]
    public Task A_constructor_body_and_its_initializer_are_judged() =>
        VerifyFlags.VerifyAsync(Driver.Module("""
                sealed class Ring
                {
                    private readonly KPtr head = kmalloc(BUF_SIZE, {|KMEM011:GFP_KERNEL | __GFP_HIGHMEM|});
                    private readonly KPtr tail;

                    public Ring() => tail = kzalloc(BUF_SIZE, {|KMEM011:GFP_HIGHUSER|});
                }
            """));

    [Fact]
    public Task A_test_in_a_local_function_is_judged_once() =>
        VerifyNullTest.VerifyAsync(Driver.Module("""
                static void teardown(net_dev dev)
                {
                    release(dev.rx_ring);
                    release(dev.regs);

                    static void release(KPtr p)
                    {
                        {|KMEM014:if (p != NULL)|}
                            kfree(p);
                    }
                }
            """));
}
