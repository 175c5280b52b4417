using System.Text;

namespace Kmem.Bench;

/// <summary>
/// What a generated corpus holds: memory handling only (every function allocates or releases), or each module with a
/// driver's hardware side as well (<see cref="DriverCorpus.MixedModule"/>); the last kind has one KMEM001 bug (module 0's
/// reset, called from its watchdog timer, waits with <c>msleep</c>), which starts the whole-compilation context walk.
/// </summary>
internal enum CorpusKind
{
    Dense,
    Mixed,
    MixedWithFinding,
}

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

    /// <summary>
    /// One module of <see cref="Module"/> and the hardware side that real drivers carry beside their memory handling:
    /// register access, a link state machine, statistics under a lock, checksums, ring index arithmetic, a watchdog
    /// timer. None of it allocates or releases; about half of the module's lines.
    /// </summary>
    public static string MixedModule(int index) => MixedModule(index, sleepInReset: false);

    private static string MixedModule(int index, bool sleepInReset)
    {
        var n = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var wait = sleepInReset ? "msleep(1);" : "";
        return Module(index) + $$"""
        namespace Drivers.D{{n}}
        {
            enum link_state{{n}} { Down, Training, Up, Error }

            sealed class hw{{n}}
            {
                public readonly uint[] regs = new uint[64];
                public readonly spinlock_t stats_lock = new();
                public readonly timer_list watchdog = new();
                public link_state{{n}} link;
                public ulong rx_packets, tx_packets, rx_bytes, tx_bytes, rx_errors, tx_errors;
                public uint head, tail, ring_size = 256;
                public uint retries;
            }

            static class Hw{{n}}
            {
                const uint CTRL = 0, STATUS = 1, IMR = 2, ICR = 3, RCTL = 4, TCTL = 5, MDIC = 6;
                const uint CTRL_RST = 1u << 26, STATUS_LU = 1u << 1, MDIC_READY = 1u << 28;

                static uint rd(hw{{n}} hw, uint reg) => hw.regs[reg & 63];

                static void wr(hw{{n}} hw, uint reg, uint value) => hw.regs[reg & 63] = value;

                static void rmw(hw{{n}} hw, uint reg, uint clear, uint set) => wr(hw, reg, (rd(hw, reg) & ~clear) | set);

                static int reset(hw{{n}} hw)
                {
                    wr(hw, IMR, 0);
                    rmw(hw, CTRL, 0, CTRL_RST);
                    {{wait}}
                    for (int i = 0; i < 10; i++)
                    {
                        if ((rd(hw, CTRL) & CTRL_RST) == 0)
                            return 0;
                        wr(hw, CTRL, rd(hw, CTRL) & ~CTRL_RST);
                    }
                    return -EIO;
                }

                static int mdio_read(hw{{n}} hw, uint phy, uint reg, out ushort value)
                {
                    wr(hw, MDIC, (phy << 21) | (reg << 16) | (2u << 26));
                    for (uint i = 0; i < 64; i++)
                    {
                        uint mdic = rd(hw, MDIC);
                        if ((mdic & MDIC_READY) != 0)
                        {
                            value = (ushort)(mdic & 0xffff);
                            return 0;
                        }
                        hw.retries++;
                    }
                    value = 0;
                    return -EIO;
                }

                static link_state{{n}} next_state(hw{{n}} hw, uint status)
                {
                    switch (hw.link)
                    {
                        case link_state{{n}}.Down:
                            return (status & STATUS_LU) != 0 ? link_state{{n}}.Training : link_state{{n}}.Down;
                        case link_state{{n}}.Training:
                            if ((status & STATUS_LU) == 0)
                                return link_state{{n}}.Down;
                            return hw.retries > 8 ? link_state{{n}}.Error : link_state{{n}}.Up;
                        case link_state{{n}}.Up:
                            return (status & STATUS_LU) != 0 ? link_state{{n}}.Up : link_state{{n}}.Down;
                        default:
                            return reset(hw) == 0 ? link_state{{n}}.Down : link_state{{n}}.Error;
                    }
                }

                static void update_stats(hw{{n}} hw, uint rx, uint tx, uint rx_len, uint tx_len, bool error)
                {
                    spin_lock_irqsave(hw.stats_lock, out ulong flags);
                    hw.rx_packets += rx;
                    hw.tx_packets += tx;
                    hw.rx_bytes += rx_len;
                    hw.tx_bytes += tx_len;
                    if (error)
                    {
                        hw.rx_errors++;
                        hw.tx_errors += tx == 0 ? 1u : 0u;
                    }
                    spin_unlock_irqrestore(hw.stats_lock, flags);
                }

                static uint crc32(byte[] data, int length)
                {
                    uint crc = 0xffffffff;
                    for (int i = 0; i < length; i++)
                    {
                        crc ^= data[i];
                        for (int bit = 0; bit < 8; bit++)
                            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
                    }
                    return ~crc;
                }

                static uint ring_space(hw{{n}} hw) =>
                    hw.tail > hw.head ? hw.tail - hw.head - 1 : hw.ring_size - (hw.head - hw.tail) - 1;

                static int post(hw{{n}} hw, uint count)
                {
                    if (ring_space(hw) < count)
                        return -EBUSY;
                    hw.head = (hw.head + count) % hw.ring_size;
                    wr(hw, TCTL, hw.head);
                    return 0;
                }

                static uint reap(hw{{n}} hw)
                {
                    uint done = rd(hw, RCTL) % hw.ring_size;
                    uint count = (done + hw.ring_size - hw.tail) % hw.ring_size;
                    hw.tail = done;
                    return count;
                }

                static void watchdog_fn(timer_list t)
                {
                    hw{{n}} hw = the_hw;
                    uint status = rd(hw, STATUS);
                    link_state{{n}} next = next_state(hw, status);
                    if (next != hw.link)
                    {
                        pr_info("hw{{n}}: link {0} -> {1}\n", hw.link, next);
                        hw.link = next;
                    }
                    update_stats(hw, rd(hw, ICR) & 0xff, reap(hw), rd(hw, RCTL), rd(hw, TCTL), next == link_state{{n}}.Error);
                    mod_timer(hw.watchdog, jiffies + msecs_to_jiffies(2000));
                }

                static hw{{n}} the_hw = new hw{{n}}();

                static void start(hw{{n}} hw)
                {
                    timer_setup(hw.watchdog, watchdog_fn, 0);
                    mod_timer(hw.watchdog, jiffies + msecs_to_jiffies(2000));
                    if (mdio_read(hw, 1, 2, out ushort id) == 0 && id != 0xffff)
                        pr_info("hw{{n}}: phy {0:x4}\n", id);
                }

                static string describe(hw{{n}} hw) =>
                    $"hw{{n}}: {hw.link}, rx {hw.rx_packets}/{hw.rx_bytes}, tx {hw.tx_packets}/{hw.tx_bytes}, errors {hw.rx_errors + hw.tx_errors}, crc {crc32(new byte[] { 1, 2, 3 }, 3):x8}, post {post(hw, 1)}";
            }
        }

        """;
    }

    /// <summary>Modules of the <paramref name="kind"/> enough for about <paramref name="lines"/> lines, one string per file of <paramref name="modulesPerFile"/> modules.</summary>
    public static IEnumerable<string> Files(int lines, CorpusKind kind = CorpusKind.Dense, int modulesPerFile = 10)
    {
        Func<int, string> module = kind switch
        {
            CorpusKind.Mixed => MixedModule,
            CorpusKind.MixedWithFinding => index => MixedModule(index, sleepInReset: index == 0),
            _ => Module,
        };
        var linesPerModule = module(0).Split('\n').Length;
        var modules = Math.Max(1, lines / linesPerModule);
        for (var first = 0; first < modules; first += modulesPerFile)
        {
            var text = new StringBuilder(Usings);
            for (var i = first; i < Math.Min(modules, first + modulesPerFile); i++)
                text.Append(module(i));
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
