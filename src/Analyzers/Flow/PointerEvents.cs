using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Flow;

/// <summary>A call that releases memory, with the sites its argument may hold and the state just before it.</summary>
internal sealed class ReleaseEvent
{
    public ReleaseEvent(IInvocationOperation call, ReleaseContract release, IOperation? freed, ulong sites, Holder? holder,
        IOperation? order, IOperation? cache, PointerState before)
    {
        Call = call;
        Release = release;
        Freed = freed;
        Sites = sites;
        Holder = holder;
        Order = order;
        Cache = cache;
        Before = before;
    }

    public IInvocationOperation Call { get; }
    public ReleaseContract Release { get; }
    public IOperation? Freed { get; }
    public ulong Sites { get; }
    /// <summary>What the freed argument reads (a local, <c>dev.ring</c>, a static field), when it reads one.</summary>
    public Holder? Holder { get; }
    public IOperation? Order { get; }
    public IOperation? Cache { get; }
    public PointerState Before { get; }
}

/// <summary>How an allocation was lost.</summary>
internal enum LeakKind
{
    /// <summary>The method returned while it was owned.</summary>
    Exit,
    /// <summary>Its last holder was assigned something else.</summary>
    Overwrite,
    /// <summary>Its last holder went out of scope.</summary>
    OutOfScope,
}

/// <summary>A site lost on some path, where it was lost, and the state there.</summary>
internal sealed class LeakEvent
{
    public LeakEvent(AllocationSite site, LeakKind kind, SyntaxNode point, Holder? holder, PointerState state)
    {
        Site = site;
        Kind = kind;
        Point = point;
        Holder = holder;
        State = state;
    }

    public AllocationSite Site { get; }
    public LeakKind Kind { get; }
    /// <summary>The return statement, the overwriting assignment, or the end of the scope.</summary>
    public SyntaxNode Point { get; }
    /// <summary>The holder overwritten or gone out of scope.</summary>
    public Holder? Holder { get; }
    public PointerState State { get; }
}

/// <summary>A jump statement (<c>goto</c>, <c>continue</c>, <c>break</c>, <c>return</c>) and the state when it is taken.</summary>
internal sealed class JumpEvent
{
    public JumpEvent(SyntaxNode jump, PointerState state)
    {
        Jump = jump;
        State = state;
    }

    public SyntaxNode Jump { get; }
    public PointerState State { get; }
}

/// <summary>A read or write through a pointer (an argument the callee dereferences).</summary>
internal sealed class UseEvent
{
    public UseEvent(IOperation use, ulong sites, PointerState before)
    {
        Use = use;
        Sites = sites;
        Before = before;
    }

    public IOperation Use { get; }
    public ulong Sites { get; }
    public PointerState Before { get; }
}

/// <summary>The kind of failure test a condition makes.</summary>
internal enum TestKind
{
    /// <summary><c>!p</c>, <c>p == NULL</c>, <c>addr == 0</c>, <c>page == null</c>.</summary>
    Null,
    /// <summary><c>IS_ERR(p)</c>.</summary>
    ErrPtr,
    /// <summary><c>IS_ERR_OR_NULL(p)</c>.</summary>
    ErrPtrOrNull,
}

/// <summary>A failure test of the sites a value may hold.</summary>
internal sealed class TestEvent
{
    public TestEvent(IOperation test, TestKind kind, ulong sites, PointerState before)
    {
        Test = test;
        Kind = kind;
        Sites = sites;
        Before = before;
    }

    public IOperation Test { get; }
    public TestKind Kind { get; }
    public ulong Sites { get; }
    public PointerState Before { get; }
}

/// <summary>A value returned by the method.</summary>
internal sealed class ReturnEvent
{
    public ReturnEvent(IOperation value, ulong sites)
    {
        Value = value;
        Sites = sites;
    }

    public IOperation Value { get; }
    public ulong Sites { get; }
}

/// <summary>A store of sites into a field, the fact the cross-method field index is built from.</summary>
internal sealed class FieldStoreEvent
{
    public FieldStoreEvent(IFieldSymbol field, ulong sites)
    {
        Field = field;
        Sites = sites;
    }

    public IFieldSymbol Field { get; }
    public ulong Sites { get; }
}
