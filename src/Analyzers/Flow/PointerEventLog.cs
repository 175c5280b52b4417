using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The events the reporting pass records. A block can be transferred more than once in that pass (a
/// finally region runs once per edge through it), so every kind of event is kept once per operation.
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

    public void Release(ReleaseEvent release)
    {
        if (seen.Add(release.Call))
            Releases.Add(release);
    }

    public void Use(UseEvent use)
    {
        if (seen.Add(use.Use))
            Uses.Add(use);
    }

    public void Test(TestEvent test)
    {
        if (seen.Add(test.Test))
            Tests.Add(test);
    }

    public void Return(IOperation value, ulong sites)
    {
        if (seen.Add(value))
            Returns.Add(new ReturnEvent(value, sites));
    }

    public void FieldStore(FieldStoreEvent store) => FieldStores.Add(store);

    public void Jump(SyntaxNode jump, PointerState state) =>
        jumps[jump] = jumps.TryGetValue(jump, out var known) ? new JumpEvent(jump, PointerState.Join(known.State, state)) : new JumpEvent(jump, state);

    /// <summary>Keeps the first loss of each site.</summary>
    public void Leak(LeakEvent leak)
    {
        if (!leaks.ContainsKey(leak.Site.Index))
            leaks[leak.Site.Index] = leak;
    }
}
