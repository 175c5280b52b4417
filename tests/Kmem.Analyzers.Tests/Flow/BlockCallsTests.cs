using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>One walk per operation block finds its calls with their contracts, shared by every rule, and decides which bodies the flow rules analyse.</summary>
public sealed class BlockCallsTests
{
    private const string Source = """
        using Kmem;
        using static Kmem.Kernel;

        sealed class Device
        {
            KPtr buf;

            int Probe()
            {
                System.Action refill = () => buf = kmalloc(64, GFP_KERNEL);
                printk(KERN_INFO, "probe");
                refill();
                return 0;
            }

            void Log(int code) => printk(KERN_INFO, "code");

            void Drop(KPtr p) => printk(KERN_INFO, "drop");

            void Teardown() => Release(buf);

            static void Release(KPtr p) => kfree(p);

            int Count() => System.Math.Max(1, 2);
        }
        """;

    [Fact]
    public async Task Every_call_of_a_block_is_listed_once_with_its_declared_contract_lambdas_included()
    {
        var blocks = await Record(new Recorder(), new Recorder());

        var probe = blocks["Probe"];
        Assert.Equal(new[] { "kmalloc", "printk", "Invoke" }, probe.Calls.Select(c => c.Call.TargetMethod.Name));
        Assert.NotNull(probe.Calls[0].Contract.Allocation);
        Assert.True(probe.Calls[1].Contract.Allocation is null && probe.Calls[1].Contract.Release is null);
        Assert.True(probe.Calls[2].Contract.IsEmpty);
        Assert.True(probe.HasFunctions);
        Assert.DoesNotContain(blocks["Count"].Calls, c => !c.Contract.IsEmpty);
    }

    [Fact]
    public async Task Two_rules_reading_the_same_block_share_one_walk()
    {
        var first = new Recorder();
        var second = new Recorder();

        await Record(first, second);

        Assert.NotEmpty(first.Seen);
        Assert.All(first.Seen, pair => Assert.Same(pair.Value.Instance, second.Seen[pair.Key].Instance));
    }

    [Theory]
    [InlineData("Probe", true)]     // allocates, in a lambda
    [InlineData("Drop", true)]      // a tracked parameter: what the body does with it is a fact its callers read
    [InlineData("Teardown", true)]  // calls a source method whose summary releases
    [InlineData("Release", true)]   // releases
    [InlineData("Log", false)]      // calls, but nothing that allocates or releases
    [InlineData("Count", false)]
    public async Task Only_a_body_that_can_have_pointer_facts_is_given_to_the_flow_rules(string method, bool analysed)
    {
        var blocks = await Record(new Recorder());

        Assert.Equal(analysed, blocks[method].MayHoldFacts);
    }

    private static async Task<ConcurrentDictionary<string, Observed>> Record(params Recorder[] recorders)
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("BlockCalls", Source);
        var result = await AnalyzerRunner.RunAsync(compilation, recorders.ToImmutableArray<DiagnosticAnalyzer>());
        Assert.Empty(result.AnalyzerExceptions);
        return recorders[0].Seen;
    }

    private sealed record Observed(BlockCalls Instance, bool MayHoldFacts)
    {
        public IReadOnlyList<ContractedCall> Calls => Enumerable.Range(0, Instance.Count).Select(i => Instance[i]).ToList();
        public bool HasFunctions => Instance.HasFunctions;
    }

    /// <summary>Records, per method, what <see cref="BlockCalls"/> gives an operation block action.</summary>
#pragma warning disable RS1036, RS1041, RS2008 // A test double, never shipped.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class Recorder : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BLOCKCALLS", "t", "t", "test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public ConcurrentDictionary<string, Observed> Seen { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var session = AnalysisSession.For(start.Compilation)!;
                start.RegisterOperationBlockAction(block =>
                {
                    if (block.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                        return;
                    var calls = BlockCalls.Of(session, block);
                    Seen[method.Name] = new Observed(calls, calls.MayHoldFacts(session, method));
                });
            });
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
