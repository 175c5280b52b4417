using System.Collections.Generic;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Why a method runs in atomic context: the root's explanation and the chain of calls from the
/// root, kept as parent links so that the propagation stays linear.
/// </summary>
internal sealed class AtomicReason
{
    public AtomicReason(string why, string method, AtomicReason? parent, bool fromSection = false)
    {
        Why = why;
        Method = method;
        Parent = parent;
        FromSection = fromSection;
    }

    /// <summary>The root's explanation: <c>rx_irq runs in hard-IRQ context (registered by request_irq in probe)</c>.</summary>
    public string Why { get; }

    public string Method { get; }

    public AtomicReason? Parent { get; }

    /// <summary>The root is a caller's atomic section (which a callee may release), not a context that lasts the whole call.</summary>
    public bool FromSection { get; }

    /// <summary>The reason of a method called from this one.</summary>
    public AtomicReason Through(string callee) => new(Why, callee, this, FromSection);

    /// <summary>The methods from the root to this one.</summary>
    public List<string> Path()
    {
        var path = new List<string>();
        for (var reason = this; reason is not null; reason = reason.Parent)
            path.Add(reason.Method);
        path.Reverse();
        return path;
    }
}
