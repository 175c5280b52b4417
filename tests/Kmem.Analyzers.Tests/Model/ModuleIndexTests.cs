using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.ModuleLifetime;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kmem.Analyzers.Tests.Model;

/// <summary>Which methods some module's init or exit calls: own module first, other modules found by the names their closures invoke.</summary>
public sealed class ModuleIndexTests
{
    private const string Source = """
        using Kmem;
        using static Kmem.Kernel;
        static class Helpers
        {
            public static KPtr buf;
            public static void setup() { buf = kzalloc(64, GFP_KERNEL); deep(); }
            public static void deep() { }
            public static void teardown() { kfree(buf); }
            public static void unrelated() { deep(); }
        }
        static class Other
        {
            // Same name as a helper init reaches, but nothing calls it.
            public static void deep() { }
            public static void work() { Helpers.unrelated(); }
            public static void from_lambda() { }
        }
        static class Mod
        {
            static int step() { Helpers.setup(); return 0; }
            [ModuleInit] static int init() => step();
            [ModuleExit] static void exit() { Helpers.teardown(); }
            static void timer_fn() { }
        }
        static class Mod2
        {
            [ModuleInit] static int init() => 0;
            [ModuleExit] static void exit() { Other.work(); System.Action later = () => Other.from_lambda(); later(); }
        }
        """;

    [Theory]
    [InlineData("Mod", "init", true, false)]
    [InlineData("Mod", "step", true, false)]
    [InlineData("Mod", "exit", false, true)]
    [InlineData("Mod", "timer_fn", false, false)]
    [InlineData("Helpers", "setup", true, false)]
    [InlineData("Helpers", "deep", true, true)]
    [InlineData("Helpers", "teardown", false, true)]
    [InlineData("Helpers", "unrelated", false, true)]
    [InlineData("Other", "deep", false, false)]
    [InlineData("Other", "work", false, true)]
    [InlineData("Other", "from_lambda", false, true)]
    public async Task Knows_the_init_and_exit_closures_of_every_module(string type, string method, bool inInit, bool inExit)
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("Modules", Source);
        var modules = ModuleIndex.For(AnalysisSession.For(compilation)!);
        var symbol = (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers(method).Single();

        Assert.Equal(inExit, modules.InExit(symbol));
        Assert.Equal(inInit || inExit, modules.InInitOrExit(symbol));
    }
}
