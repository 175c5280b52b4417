using System.Linq;

namespace Kmem;

public sealed partial class Machine
{
    // The kernel's taint letters in the order it prints them.
    private const string TaintOrder = "PFSRMBUDAWCIOELKXTNJ";
    private readonly object taintLock = new();
    private string taints = "";

    /// <summary>The kernel's taint flags as it prints them after "Tainted: " (<c>P</c> proprietary module, <c>O</c> out-of-tree module); empty when untainted.</summary>
    public string Taint
    {
        get
        {
            lock (taintLock)
                return taints;
        }
    }

    /// <summary>Adds a taint flag; false if it was already set.</summary>
    private bool AddTaint(char flag)
    {
        lock (taintLock)
        {
            if (taints.Contains(flag))
                return false;
            taints = new string(TaintOrder.Where(c => c == flag || taints.Contains(c)).ToArray());
            return true;
        }
    }
}
