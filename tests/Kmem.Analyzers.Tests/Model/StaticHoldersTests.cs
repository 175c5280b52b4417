using System.Threading.Tasks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.ModuleLifetime;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Model;

/// <summary>Which static storage may hold an allocation (KMEM009 looks at no module when none does).</summary>
public sealed class StaticHoldersTests
{
    [Theory]
    [InlineData("static KPtr buffer;", true)]
    [InlineData("static ulong pages;", true)]
    [InlineData("static KPtr[] buffers = new KPtr[4];", true)]
    [InlineData("static object anything;", true)]
    [InlineData("static page first_page;", true)]
    [InlineData("static KPtr Buffer { get; set; }", true)]
    [InlineData("static with_conversion converted;", true)]
    [InlineData("static device the;", false)]
    [InlineData("static device[] all;", false)]
    [InlineData("static string name; static System.Action callback;", false)]
    [InlineData("const int Size = 64; KPtr instance_buffer;", false)]
    public async Task Knows_which_static_storage_may_hold_an_allocation(string members, bool any)
    {
        var source = $$"""
            using Kmem;
            using static Kmem.Kernel;
            sealed class device { public KPtr regs; }
            sealed class with_conversion { public static implicit operator with_conversion(KPtr p) => new with_conversion(); }
            class Driver
            {
                {{members}}
                [ModuleInit] static int init() => 0;
                [ModuleExit] static void exit() { }
            }
            """;
        var compilation = await KmemCompilationFactory.CreateValidAsync("Holders", source);

        Assert.Equal(any, StaticHolders.For(AnalysisSession.For(compilation)!).Any);
    }
}
