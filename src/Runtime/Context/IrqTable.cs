using System.Collections.Generic;
using System.Linq;

namespace Kmem;

/// <summary>The machine's interrupt lines and their handlers.</summary>
internal sealed class IrqTable
{
    /// <summary>How many interrupt lines the machine has.</summary>
    public const int NrIrqs = 1024;

    private readonly Dictionary<int, IrqLine> lines = new();

    /// <summary>One line: its handlers (replaced, never mutated, so raising reads them without locking) and the lock that serialises handling.</summary>
    internal sealed class IrqLine
    {
        public readonly object Handling = new();
        public IrqAction[] Actions = [];
    }

    public IrqLine? Find(int irq)
    {
        lock (lines)
            return lines.GetValueOrDefault(irq);
    }

    /// <summary>Adds <paramref name="action"/> to the line; the conflicting action when the line is taken and not shared by both.</summary>
    public IrqAction? TryAdd(int irq, IrqAction action)
    {
        lock (lines)
        {
            if (!lines.TryGetValue(irq, out var line))
                lines[irq] = line = new IrqLine();
            var conflict = line.Actions.FirstOrDefault(a => !a.Shared || !action.Shared);
            if (conflict is not null)
                return conflict;
            line.Actions = [.. line.Actions, action];
            return null;
        }
    }

    /// <summary>Removes the action of <paramref name="devId"/> once no handler of the line runs; null if there is none.</summary>
    public IrqAction? Remove(int irq, object? devId)
    {
        var line = Find(irq);
        if (line is null)
            return null;
        lock (line.Handling)
        lock (lines)
        {
            var action = line.Actions.FirstOrDefault(a => ReferenceEquals(a.DevId, devId));
            if (action is not null)
                line.Actions = line.Actions.Where(a => !ReferenceEquals(a, action)).ToArray();
            return action;
        }
    }

    /// <summary>Every registered handler of every line (kmemleak's roots: their dev_id and their delegates' targets).</summary>
    public List<IrqAction> AllActions()
    {
        lock (lines)
            return lines.Values.SelectMany(line => line.Actions).ToList();
    }

    /// <summary>Stops the threads of all threaded handlers.</summary>
    public void Shutdown()
    {
        IrqAction[] all;
        lock (lines)
            all = lines.Values.SelectMany(l => l.Actions).ToArray();
        foreach (var action in all)
            action.Thread?.Stop();
    }
}
