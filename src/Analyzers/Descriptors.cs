using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers;

/// <summary>Every diagnostic the KMEM analyzers report.</summary>
public static class Descriptors
{
    private const string Context = "Kmem.Context";
    private const string Lifetime = "Kmem.Lifetime";
    private const string Usage = "Kmem.Usage";
    private const string Style = "Kmem.Style";

    public static readonly DiagnosticDescriptor KMEM001 = Create(RuleIds.SleepInAtomic, Context, DiagnosticSeverity.Warning,
        "Sleeping call in atomic context",
        "{0} may sleep, but {1}: {2}",
        "A call that may sleep (an allocation whose GFP flags allow direct reclaim, vmalloc, mutex_lock, msleep, copy_from_user, a [MightSleep] method) is reached from atomic context: an IRQ handler, a timer or tasklet callback, an [Atomic] method, or a region holding a spinlock or with preemption or interrupts disabled.");

    public static readonly DiagnosticDescriptor KMEM002 = Create(RuleIds.Leak, Lifetime, DiagnosticSeverity.Warning,
        "Allocation leaked on some path",
        "The memory allocated by {0} is leaked {1}",
        "Memory that was allocated is lost on some path: the method returns on an error path without releasing it, the pointer is overwritten, or it goes out of scope without being stored, returned or handed to a releasing call.");

    public static readonly DiagnosticDescriptor KMEM003 = Create(RuleIds.MismatchedRelease, Lifetime, DiagnosticSeverity.Warning,
        "Memory released by the wrong family",
        "{0} releases memory allocated by {1}; use {2}",
        "Memory must be released by the function of the family that allocated it: kfree for kmalloc, vfree for vmalloc, kvfree for kvmalloc, free_pages for __get_free_pages, __free_pages for alloc_pages, kmem_cache_free with the same cache.");

    public static readonly DiagnosticDescriptor KMEM004 = Create(RuleIds.OrderMismatch, Lifetime, DiagnosticSeverity.Warning,
        "Pages released with another order",
        "{0} releases order {1}, but {2} allocated order {3}",
        "free_pages and __free_pages must be given the order the pages were allocated with.");

    public static readonly DiagnosticDescriptor KMEM005 = Create(RuleIds.WrongFailureTest, Usage, DiagnosticSeverity.Warning,
        "Wrong failure test for the allocator",
        "{0} tests the result of {1} for {2}, but {1} fails with {3}",
        "IS_ERR and PTR_ERR on an allocator that returns NULL on failure never see the failure; a NULL test on a function that returns ERR_PTR never sees it either.");

    public static readonly DiagnosticDescriptor KMEM006 = Create(RuleIds.UncheckedUse, Usage, DiagnosticSeverity.Warning,
        "Allocation used before its failure test",
        "The result of {0} is used here before it was tested for failure",
        "An allocation can fail; its result must be tested before it is written, copied to or handed on to be used.");

    public static readonly DiagnosticDescriptor KMEM007 = Create(RuleIds.DoubleRelease, Lifetime, DiagnosticSeverity.Warning,
        "Memory released twice",
        "{0} may already have been released {1}",
        "Releasing the same memory twice corrupts the allocator. Set the pointer to NULL after releasing it when it may be released again.");

    public static readonly DiagnosticDescriptor KMEM008 = Create(RuleIds.UseAfterRelease, Lifetime, DiagnosticSeverity.Warning,
        "Memory used after release",
        "{0} is used after it was released {1}",
        "Released memory may already belong to someone else; reading or writing it is a use after free.");

    public static readonly DiagnosticDescriptor KMEM009 = Create(RuleIds.ModuleLifetime, Lifetime, DiagnosticSeverity.Warning,
        "Module memory not released at exit",
        "{0}",
        "What the module's init function keeps in a static field must be released by its exit function with the matching family and order, and exit must release only what init sets.");

    public static readonly DiagnosticDescriptor KMEM010 = Create(RuleIds.BadSizeOrOrder, Usage, DiagnosticSeverity.Warning,
        "Allocation size or order that cannot succeed",
        "{0}",
        "kmalloc cannot serve more than KMALLOC_MAX_SIZE, the page allocator no order above MAX_PAGE_ORDER, and no allocator a negative or zero size.");

    public static readonly DiagnosticDescriptor KMEM011 = Create(RuleIds.BadGfpFlags, Usage, DiagnosticSeverity.Warning,
        "GFP flags the allocator does not accept",
        "{0}",
        "Some GFP flags are invalid for some allocators: __GFP_HIGHMEM for kmalloc, __get_free_pages and slab caches, zone flags for vmalloc, GFP_KERNEL together with GFP_ATOMIC, __GFP_NOFAIL with a high order.");

    public static readonly DiagnosticDescriptor KMEM012 = Create(RuleIds.OpenCodedMultiplication, Usage, DiagnosticSeverity.Warning,
        "Open-coded multiplication in an allocation size",
        "The size passed to {0} multiplies {1} by {2}, which can overflow; use {3}",
        "A count times an element size can overflow and allocate too little; kmalloc_array, kcalloc and kvcalloc check the product.");

    public static readonly DiagnosticDescriptor KMEM013 = Create(RuleIds.KmallocThenMemsetZero, Style, DiagnosticSeverity.Info,
        "Allocation followed by memset to zero",
        "{0} followed by memset(…, 0, …) over the whole object; use {1}",
        "The zeroing allocators (kzalloc, vzalloc, kmem_cache_zalloc) allocate and zero in one call.");

    public static readonly DiagnosticDescriptor KMEM014 = Create(RuleIds.NullTestBeforeFree, Style, DiagnosticSeverity.Info,
        "NULL test before a release that accepts NULL",
        "{0} accepts NULL; the test is not needed",
        "kfree, vfree and kvfree do nothing when given NULL; a test that only guards them is noise.");

    public static readonly DiagnosticDescriptor KMEM015 = Create(RuleIds.OpenCodedKvmalloc, Style, DiagnosticSeverity.Info,
        "Open-coded kvmalloc",
        "{0} with a {1} fallback is an open-coded {2}; use {2}",
        "kvmalloc tries kmalloc and falls back to vmalloc; kvfree releases either.");

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, RuleIds.HelpLink(id));
}
