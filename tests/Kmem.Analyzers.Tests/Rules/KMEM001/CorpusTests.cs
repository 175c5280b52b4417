using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Verify = Kmem.Analyzers.Tests.Rules.KMEM001.Kmem001Verifier;

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
    public Task Seed_module_gets_nothing() => Verify.VerifyAsync(SeedModule);

    private static string Read(string file) => File.ReadAllText(Path.Combine(CorpusFolder(), file));

    /// <summary>The shared corpus: <c>shared/corpus</c> beside the repository (or beside one of its parents).</summary>
    private static string CorpusFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/corpus was not found above " + AppContext.BaseDirectory);
    }

    private const string SeedModule = """
        using Kmem;
        using static Kmem.Kernel;

        [ModuleLicense("GPL")]
        static class MemoryModule
        {
            const int PAGE_NUM = 4;
            static KPtr kernelkmalloc = NULL;
            static KPtr kernelpagemem = NULL;
            static KPtr kernelvmalloc = NULL;

            [ModuleInit]
            static int kernelspace_init()
            {
                int ret = -ENOMEM;
                kernelkmalloc = kmalloc(100, GFP_KERNEL);
                if (IS_ERR(kernelkmalloc)) {
                    printk("kmalloc failed!\n");
                    ret = PTR_ERR(kernelkmalloc);
                    goto failure_kmalloc;
                }
                printk("kmalloc space : 0x%lx!\n", (ulong)kernelkmalloc);

                kernelpagemem = (KPtr)__get_free_pages(GFP_KERNEL, PAGE_NUM);
                if (IS_ERR(kernelpagemem)) {
                    printk("get_free_pages failed!\n");
                    ret = PTR_ERR(kernelpagemem);
                    goto failure_get_free_pages;
                }
                printk("get_free_pages address: 0x%lx!\n", (ulong)kernelpagemem);

                kernelvmalloc = vmalloc(1024 * 1024);
                if (IS_ERR(kernelvmalloc)) {
                    printk("vmalloc failed!\n");
                    ret = PTR_ERR(kernelvmalloc);
                    goto failure_vmalloc;
                }
                printk("vmalloc address: 0x%lx!\n", (ulong)kernelpagemem);
                return 0;
            failure_vmalloc:
                free_pages((ulong)kernelpagemem, PAGE_NUM);
            failure_get_free_pages:
                kfree(kernelkmalloc);
            failure_kmalloc:
                return ret;
            }

            [ModuleExit]
            static void kernelspace_exit()
            {
                vfree(kernelvmalloc);
                free_pages((ulong)kernelpagemem, PAGE_NUM);
                kfree(kernelkmalloc);
            }
        }
        """;
}
