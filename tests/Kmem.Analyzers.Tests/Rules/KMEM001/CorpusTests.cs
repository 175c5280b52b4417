using System;
using System.IO;
using System.Threading.Tasks;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Kmem.Analyzers.Rules.SleepInAtomicAnalyzer>;

namespace Kmem.Analyzers.Tests.Rules.KMEM001;

/// <summary>The KMEM001 twins of the shared corpus (001-005): each _bug file gets KMEM001 at its defect, each _ok file nothing; the seed module nothing.</summary>
public sealed class CorpusTests
{
    [Theory]
    [InlineData("001_irq_handler_gfp_kernel", "rec = ", "kmalloc(EVT_RECORD_SIZE, GFP_KERNEL)")]
    [InlineData("002_irq_call_chain", "buf = ", "kmalloc(RX_BUF_SIZE, GFP_KERNEL)")]
    [InlineData("003_spinlock_irqsave_region", "copy = ", "kstrdup(pattern, GFP_KERNEL)")]
    [InlineData("004_timer_callback_alloc", "rec = ", "kmalloc(SAMPLE_SIZE, GFP_KERNEL)")]
    [InlineData("005_gfp_wrapper_forwarded", "ack = ", "ctl_cmd_alloc(dev, GFP_KERNEL)")]
    public Task Bug_twin_is_reported_at_its_defect(string name, string before, string call)
    {
        var source = Read(name + "_bug.cs");
        var defect = before + call;
        var at = source.IndexOf(defect, StringComparison.Ordinal);
        Assert.True(at >= 0 && source.IndexOf(defect, at + 1, StringComparison.Ordinal) < 0, $"{defect} must occur once in {name}_bug.cs");
        at += before.Length;
        var marked = source.Substring(0, at) + "{|KMEM001:" + call + "|}" + source.Substring(at + call.Length);
        return Verify.VerifyAsync(marked);
    }

    [Theory]
    [InlineData("001_irq_handler_gfp_kernel")]
    [InlineData("002_irq_call_chain")]
    [InlineData("003_spinlock_irqsave_region")]
    [InlineData("004_timer_callback_alloc")]
    [InlineData("005_gfp_wrapper_forwarded")]
    public Task Ok_twin_gets_nothing(string name) => Verify.VerifyAsync(Read(name + "_ok.cs"));

    [Fact]
    public Task Corpus_chain_messages_name_the_path() => Verify.VerifyAsync(
        Read("002_irq_call_chain_bug.cs").Replace("kmalloc(RX_BUF_SIZE, GFP_KERNEL)", "{|#0:kmalloc(RX_BUF_SIZE, GFP_KERNEL)|}", StringComparison.Ordinal),
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "kmalloc with GFP_KERNEL",
            "nic_isr runs in hard-IRQ context (registered by request_irq in nic_probe)",
            "nic_isr -> nic_rx_poll -> nic_rx_one -> nic_rx_refill -> kmalloc"));

    [Fact]
    public Task Seed_module_gets_nothing() => Verify.VerifyAsync(File.ReadAllText(RepositoryLayout.PathOf("samples/SeedModule/MemoryModule.cs")));

    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryLayout.Corpus.FullName, file));
}
