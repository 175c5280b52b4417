using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The events the reporting pass records. Only a finally region's blocks are transferred more than once in that pass
/// (once per edge through it), so the events recorded there (<c>mayRepeat</c>) are kept once per operation; elsewhere
/// each operation is visited once, and its events are kept without a lookup.
/// </summary>
internal sealed class PointerEventLog
{
    private readonly HashSet<IOperation> seen = new();
    private readonly Dictionary<SyntaxNode, JumpEvent> jumps = new();
    private readonly Dictionary<int, LeakEvent> leaks = new();

    public List<ReleaseEvent> Releases { get; } = new();
    public List<UseEvent> Uses { get; } = new();
    public List<TestEvent> Tests { get; } = new();
    public List<ReturnEvent> Returns { get; } = new();
    public List<FieldStoreEvent> FieldStores { get; } = new();
    public IEnumerable<JumpEvent> Jumps => jumps.Values;
    public IEnumerable<LeakEvent> Leaks => leaks.Values;

    [MethodImpl(Jit.Optimized)]
    public void Release(ReleaseEvent release, bool mayRepeat)
    {
        if (!mayRepeat || seen.Add(release.Call))
            Releases.Add(release);
    }

    [MethodImpl(Jit.Optimized)]
    public void Use(UseEvent use, bool mayRepeat)
    {
        if (!mayRepeat || seen.Add(use.Use))
            Uses.Add(use);
    }

    [MethodImpl(Jit.Optimized)]
    public void Test(TestEvent test, bool mayRepeat)
    {
        if (!mayRepeat || seen.Add(test.Test))
            Tests.Add(test);
    }

    [MethodImpl(Jit.Optimized)]
    public void Return(IOperation value, ulong sites, bool mayRepeat)
    {
        if (!mayRepeat || seen.Add(value))
            Returns.Add(new ReturnEvent(value, sites));
    }

    [MethodImpl(Jit.Optimized)]
    public void FieldStore(FieldStoreEvent store) => FieldStores.Add(store);

    [MethodImpl(Jit.Optimized)]
    public void Jump(SyntaxNode jump, PointerState state) =>
        jumps[jump] = jumps.TryGetValue(jump, out var known) ? new JumpEvent(jump, PointerState.Join(known.State, state)) : new JumpEvent(jump, state);

    /// <summary>Keeps the first loss of each site.</summary>
    [MethodImpl(Jit.Optimized)]
    public void Leak(LeakEvent leak)
    {
        if (!leaks.ContainsKey(leak.Site.Index))
            leaks[leak.Site.Index] = leak;
    }
}
