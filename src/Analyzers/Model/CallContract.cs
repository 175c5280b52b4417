using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model;

/// <summary>A callback parameter and the context its delegate later runs in.</summary>
internal readonly struct CallbackParameter
{
    public CallbackParameter(int ordinal, KernelContext context)
    {
        Ordinal = ordinal;
        Context = context;
    }

    public int Ordinal { get; }
    public KernelContext Context { get; }
}

/// <summary>
/// The contract of one method as the analyzers see it: what it allocates or releases, which
/// parameter plays which role, and how it relates to sleeping and atomic context. Parameter
/// roles are ordinals, -1 when absent.
/// </summary>
internal sealed class CallContract
{
    public static readonly CallContract Empty = new();

    public AllocationContract? Allocation { get; set; }
    public ReleaseContract? Release { get; set; }

    public bool MightSleep { get; set; }
    public bool IsAtomic { get; set; }
    public bool EntersAtomic { get; set; }
    public bool ExitsAtomic { get; set; }

    public bool IsNullTest { get; set; }
    public bool IsErrPtrTest { get; set; }
    public bool ErrPtrTestIncludesNull { get; set; }
    public bool IsErrPtrDecode { get; set; }
    public bool IsErrPtrEncode { get; set; }

    public bool DereferencesReceiver { get; set; }
    public bool IsModuleInit { get; set; }
    public bool IsModuleExit { get; set; }
    /// <summary>The method computes the page order of a size (<c>get_order</c>).</summary>
    public bool IsPageOrderOf { get; set; }

    public int SizeParameter { get; set; } = -1;
    public int CountParameter { get; set; } = -1;
    public int GfpParameter { get; set; } = -1;
    public int OrderParameter { get; set; } = -1;
    public int FreedParameter { get; set; } = -1;
    public int CacheParameter { get; set; } = -1;
    public int ReallocatedParameter { get; set; } = -1;
    public int DerivedFromParameter { get; set; } = -1;
    public ImmutableArray<int> DereferencedParameters { get; set; } = ImmutableArray<int>.Empty;
    public ImmutableArray<CallbackParameter> Callbacks { get; set; } = ImmutableArray<CallbackParameter>.Empty;

    /// <summary>True when the contract says anything at all.</summary>
    public bool IsEmpty => ReferenceEquals(this, Empty);

    /// <summary>The argument bound to parameter <paramref name="ordinal"/>, or null.</summary>
    [MethodImpl(Jit.Optimized)]
    public static IOperation? Argument(Microsoft.CodeAnalysis.Operations.IInvocationOperation call, int ordinal)
    {
        if (ordinal < 0)
            return null;
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
                return argument.Value;
        }
        return null;
    }
}
