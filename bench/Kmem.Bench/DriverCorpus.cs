using System.Text;

namespace Kmem.Bench;

/// <summary>Generates driver-like C# against the Kmem API: probe/remove with unwind ladders, IRQ handlers, spinlock regions, workqueues.</summary>
internal static class DriverCorpus
{
    public const string Usings = "using Kmem;\nusing static Kmem.Kernel;\n";

    /// <summary>One self-contained driver module of about 120 lines.</summary>
    public static string Module(int index)
    {
        var n = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $$"""
        namespace Drivers.D{{n}}
        {
            sealed class dev{{n}}
            {
                public int irq;
                public KPtr regs;
                public KPtr ring;
                public ulong pages;
                public readonly KPtr[] bufs = new KPtr[8];
                public readonly spinlock_t lk = new();
                public readonly work_struct work = new();
                public long events;
            }

            static class Driver{{n}}
            {
                const int ORDER = 2;
                const long RING = 64 * 16;
                static dev{{n}} the;

                static irqreturn_t isr(int irq, object dev_id)
                {
                    dev{{n}} d = (dev{{n}})dev_id;
                    KPtr ev = kmalloc(32, GFP_ATOMIC);
                    if (!ev)
                        return irqreturn_t.IRQ_NONE;
                    spin_lock(d.lk);
                    d.events++;
                    memcpy(ev, d.regs, 32);
                    spin_unlock(d.lk);
                    kfree(ev);
                    schedule_work(d.work);
                    return irqreturn_t.IRQ_HANDLED;
                }

                static void work_fn(work_struct w)
                {
                    dev{{n}} d = the;
                    mutex_lock(lock_of(d));
                    for (int i = 0; i < 8; i++)
                    {
                        KPtr b = kzalloc(256, GFP_KERNEL);
                        if (!b)
                            break;
                        kfree(d.bufs[i]);
                        d.bufs[i] = b;
                    }
                    mutex_unlock(lock_of(d));
                }

                static readonly mutex m = new();
                static mutex lock_of(dev{{n}} d) => m;

                static KPtr alloc_cmd(gfp_t gfp)
                {
                    KPtr c = kzalloc(64, gfp);
                    if (!c)
                        return NULL;
                    return c;
                }

                static int probe(dev{{n}} d, int irq)
                {
                    int ret;
                    d.regs = kzalloc(512, GFP_KERNEL);
                    if (!d.regs)
                        return -ENOMEM;
                    d.ring = kcalloc(64, 16, GFP_KERNEL);
                    if (!d.ring) {
                        ret = -ENOMEM;
                        goto err_regs;
                    }
                    d.pages = __get_free_pages(GFP_KERNEL, ORDER);
                    if (d.pages == 0) {
                        ret = -ENOMEM;
                        goto err_ring;
                    }
                    KPtr cmd = alloc_cmd(GFP_KERNEL);
                    if (!cmd) {
                        ret = -ENOMEM;
                        goto err_pages;
                    }
                    memset(cmd, 0, 64);
                    kfree(cmd);
                    INIT_WORK(d.work, work_fn);
                    d.irq = irq;
                    ret = request_irq(irq, isr, 0, "d{{n}}", d);
                    if (ret != 0)
                        goto err_pages;
                    return 0;
                err_pages:
                    free_pages(d.pages, ORDER);
                err_ring:
                    kfree(d.ring);
                err_regs:
                    kfree(d.regs);
                    return ret;
                }

                static void remove(dev{{n}} d)
                {
                    free_irq(d.irq, d);
                    cancel_work_sync(d.work);
                    for (int i = 0; i < 8; i++) {
                        kfree(d.bufs[i]);
                        d.bufs[i] = NULL;
                    }
                    free_pages(d.pages, ORDER);
                    kfree(d.ring);
                    kfree(d.regs);
                }

                [ModuleInit]
                static int init()
                {
                    the = new dev{{n}}();
                    return probe(the, {{index % 32}});
                }

                [ModuleExit]
                static void exit()
                {
                    remove(the);
                }
            }
        }

        """;
    }

    /// <summary>Modules enough for about <paramref name="lines"/> lines, one string per file of <paramref name="modulesPerFile"/> modules.</summary>
    public static IEnumerable<string> Files(int lines, int modulesPerFile = 10)
    {
        var linesPerModule = Module(0).Split('\n').Length;
        var modules = Math.Max(1, lines / linesPerModule);
        for (var first = 0; first < modules; first += modulesPerFile)
        {
            var text = new StringBuilder(Usings);
            for (var i = first; i < Math.Min(modules, first + modulesPerFile); i++)
                text.Append(Module(i));
            yield return text.ToString();
        }
    }

    /// <summary>One method of <paramref name="blocks"/> independent allocate-check-branch blocks: 2^blocks paths.</summary>
    public static string WideMethod(int blocks)
    {
        var body = new StringBuilder();
        for (var i = 0; i < blocks; i++)
        {
            body.Append($$"""
                    KPtr p{{i}} = kmalloc({{16 + i}}, GFP_KERNEL);
                    if (!p{{i}})
                        goto out{{i}};
                    if (flags[{{i % 8}}] != 0)
                        memset(p{{i}}, 0, {{16 + i}});
                    kfree(p{{i}});
                out{{i}}:
                    count++;

            """);
        }
        return Usings + $$"""
        static class Wide
        {
            static int run(int[] flags)
            {
                int count = 0;
        {{body}}
                return count;
            }
        }
        """;
    }
}
