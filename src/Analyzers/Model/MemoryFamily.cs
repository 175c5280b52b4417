using System;

namespace Kmem.Analyzers.Model;

/// <summary>Mirror of the runtime's <c>Kmem.MemoryFamily</c>; values are read from attribute arguments.</summary>
[Flags]
internal enum MemoryFamily
{
    None = 0,
    Kmalloc = 1 << 0,
    Vmalloc = 1 << 1,
    Kvmalloc = 1 << 2,
    PageAddress = 1 << 3,
    Page = 1 << 4,
    SlabObject = 1 << 5,
    SlabCache = 1 << 6,
}

/// <summary>Mirror of the runtime's <c>Kmem.FailureKind</c>.</summary>
internal enum FailureKind
{
    Null = 0,
    ErrPtr = 1,
    Never = 2,
}

/// <summary>Mirror of the runtime's <c>Kmem.KernelContext</c>.</summary>
internal enum KernelContext
{
    Process = 0,
    SoftIrq = 1,
    HardIrq = 2,
    Atomic = 3,
}
