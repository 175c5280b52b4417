using static Kmem.Kernel;

namespace Kmem.Tests.Debug;

// One small module per KMEM mistake, and its corrected twin. Each runs under the simulated kernel in CrossCheckTests.

[ModuleLicense("GPL")]
internal static class SleepInAtomicModule
{
    private static readonly spinlock_t lk = new();
    private static KPtr buf;

    [ModuleInit]
    private static int init()
    {
        spin_lock(lk);
        buf = kmalloc(64, GFP_KERNEL);
        spin_unlock(lk);
        return buf == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(buf);
}

[ModuleLicense("GPL")]
internal static class SleepInAtomicFixed
{
    private static readonly spinlock_t lk = new();
    private static KPtr buf;

    [ModuleInit]
    private static int init()
    {
        spin_lock(lk);
        buf = kmalloc(64, GFP_ATOMIC);
        spin_unlock(lk);
        return buf == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(buf);
}

[ModuleLicense("GPL")]
internal static class IrqSleepModule
{
    public const int Irq = 11;
    public static bool Fixed;
    private static readonly object dev = new();

    private static irqreturn_t handler(int irq, object? dev_id)
    {
        kfree(kmalloc(32, Fixed ? GFP_ATOMIC : GFP_KERNEL));
        return irqreturn_t.IRQ_HANDLED;
    }

    [ModuleInit]
    private static int init() => request_irq(Irq, handler, 0, "crosscheck", dev);

    [ModuleExit]
    private static void exit() => free_irq(Irq, dev);
}

[ModuleLicense("GPL")]
internal static class ErrorPathLeakModule
{
    [ModuleInit]
    private static int init()
    {
        var a = kmalloc(100, GFP_KERNEL);
        if (a == NULL)
            return -ENOMEM;
        return -ENODEV; // the device is missing: a is lost
    }
}

[ModuleLicense("GPL")]
internal static class ErrorPathLeakFixed
{
    [ModuleInit]
    private static int init()
    {
        var a = kmalloc(100, GFP_KERNEL);
        if (a == NULL)
            return -ENOMEM;
        kfree(a);
        return -ENODEV;
    }
}

[ModuleLicense("GPL")]
internal static class DroppedPointerModule
{
    public static KPtr Table;

    [ModuleInit]
    private static int init()
    {
        Table = kzalloc(256, GFP_KERNEL);
        return Table == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(Table);
}

[ModuleLicense("GPL")]
internal static class WrongFamilyModule
{
    private static KPtr area;

    [ModuleInit]
    private static int init()
    {
        area = vmalloc(8192);
        return area == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(area);
}

[ModuleLicense("GPL")]
internal static class WrongFamilyFixed
{
    private static KPtr area;

    [ModuleInit]
    private static int init()
    {
        area = vmalloc(8192);
        return area == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => vfree(area);
}

[ModuleLicense("GPL")]
internal static class WrongOrderModule
{
    private static ulong pages;

    [ModuleInit]
    private static int init()
    {
        pages = __get_free_pages(GFP_KERNEL, 2);
        return pages == 0 ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => free_pages(pages, 1);
}

[ModuleLicense("GPL")]
internal static class WrongOrderFixed
{
    private static ulong pages;

    [ModuleInit]
    private static int init()
    {
        pages = __get_free_pages(GFP_KERNEL, 2);
        return pages == 0 ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => free_pages(pages, 2);
}

[ModuleLicense("GPL")]
internal static class NullUseModule
{
    [ModuleInit]
    private static int init()
    {
        var p = kmalloc(KMALLOC_MAX_SIZE * 2, GFP_KERNEL | __GFP_NOWARN);
        p.WriteInt32(0, 1);
        kfree(p);
        return 0;
    }
}

[ModuleLicense("GPL")]
internal static class NullUseFixed
{
    [ModuleInit]
    private static int init()
    {
        var p = kmalloc(KMALLOC_MAX_SIZE * 2, GFP_KERNEL | __GFP_NOWARN);
        if (!p)
            return -ENOMEM;
        p.WriteInt32(0, 1);
        kfree(p);
        return 0;
    }
}

[ModuleLicense("GPL")]
internal static class DoubleFreeModule
{
    [ModuleInit]
    private static int init()
    {
        var p = kmalloc(32, GFP_KERNEL);
        kfree(p);
        kfree(p);
        return 0;
    }
}

[ModuleLicense("GPL")]
internal static class DoubleFreeFixed
{
    [ModuleInit]
    private static int init()
    {
        var p = kmalloc(32, GFP_KERNEL);
        kfree(p);
        p = NULL;
        kfree(p);
        return 0;
    }
}

[ModuleLicense("GPL")]
internal static class UseAfterFreeModule
{
    [ModuleInit]
    private static int init()
    {
        var p = kmalloc(32, GFP_KERNEL);
        kfree(p);
        p.WriteInt32(4, 7);
        return 0;
    }
}

[ModuleLicense("GPL")]
internal static class UseAfterFreeFixed
{
    [ModuleInit]
    private static int init()
    {
        var p = kmalloc(32, GFP_KERNEL);
        p.WriteInt32(4, 7);
        kfree(p);
        return 0;
    }
}

[ModuleLicense("GPL")]
internal static class ExitLeakModule
{
    private static KPtr state;

    [ModuleInit]
    private static int init()
    {
        state = kmalloc(64, GFP_KERNEL);
        return state == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() { }
}

[ModuleLicense("GPL")]
internal static class ExitLeakFixed
{
    private static KPtr state;

    [ModuleInit]
    private static int init()
    {
        state = kmalloc(64, GFP_KERNEL);
        return state == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(state);
}

[ModuleLicense("GPL")]
internal static class TooLargeModule
{
    private static KPtr table;

    [ModuleInit]
    private static int init()
    {
        table = kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL);
        return table == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(table);
}

[ModuleLicense("GPL")]
internal static class TooLargeFixed
{
    private static KPtr table;

    [ModuleInit]
    private static int init()
    {
        table = kvmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL);
        return table == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kvfree(table);
}

[ModuleLicense("GPL")]
internal static class OrderTooHighModule
{
    [ModuleInit]
    private static int init() => __get_free_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1) == 0 ? -ENOMEM : 0;
}

[ModuleLicense("GPL")]
internal static class HighmemKmallocModule
{
    private static KPtr buf;

    [ModuleInit]
    private static int init()
    {
        buf = kmalloc(64, GFP_KERNEL | __GFP_HIGHMEM);
        return buf == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(buf);
}

[ModuleLicense("GPL")]
internal static class HighmemKmallocFixed
{
    private static KPtr buf;

    [ModuleInit]
    private static int init()
    {
        buf = kmalloc(64, GFP_KERNEL);
        return buf == NULL ? -ENOMEM : 0;
    }

    [ModuleExit]
    private static void exit() => kfree(buf);
}
