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
