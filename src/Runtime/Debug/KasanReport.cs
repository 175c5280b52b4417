using System.Collections.Generic;

namespace Kmem;

/// <summary>Builds KASAN's reports in the kernel's layout: the access, where the object was allocated and freed, and what it is.</summary>
internal static class KasanReport
{
    public const string Rule = "==================================================================";

    /// <summary>A bad access: <paramref name="bug"/> is "slab-out-of-bounds", "use-after-free", ….</summary>
    public static KernelReport Access(KernelReportKind kind, string? ruleId, string bug, string function, ulong address, long size, bool write, BuggyObject? obj) =>
        Build(kind, ruleId, $"BUG: KASAN: {bug} in {function}",
            $"{(write ? "Write" : "Read")} of size {size} at addr {address:x8} by task {CurrentTask.Comm}/{CurrentTask.Pid}", address, size, obj);

    /// <summary>A bad free: <paramref name="bug"/> is "double-free" or "invalid-free".</summary>
    public static KernelReport Free(KernelReportKind kind, string? ruleId, string bug, string function, ulong address, string reason, BuggyObject? obj) =>
        Build(kind, ruleId, $"BUG: KASAN: {bug} in {function}",
            $"Free of addr {address:x8} by task {CurrentTask.Comm}/{CurrentTask.Pid}\n{reason}", address, obj?.Allocation.Size, obj);

    private static KernelReport Build(KernelReportKind kind, string? ruleId, string headline, string access, ulong address, long? size, BuggyObject? obj)
    {
        var details = new List<string>(access.Split('\n'));
        var stacks = new Dictionary<string, string>();
        string stack = KernelStack.Capture();
        stacks["access"] = stack;
        if (obj is not null)
        {
            var allocation = obj.Allocation;
            if (allocation.StackTrace is { } allocated)
            {
                stacks["allocated"] = allocated;
                details.Add("");
                details.Add($"Allocated by task {allocation.AllocatedPid}:");
                details.AddRange(allocated.Split('\n'));
            }
            if (allocation.FreedAt is { } freedAt)
            {
                string freed = KernelStack.Format(freedAt);
                stacks["freed"] = freed;
                details.Add("");
                details.Add($"Freed by task {allocation.FreedPid}:");
                details.AddRange(freed.Split('\n'));
            }
            details.Add("");
            details.Add($"The buggy address belongs to the object at {allocation.Start:x8}");
            details.Add(obj.CacheName is null
                ? $" which belongs to a {allocation.AllocatedBy}() allocation of size {obj.ObjectSize}"
                : $" which belongs to the cache {obj.CacheName} of size {obj.ObjectSize}");
            details.AddRange(Located(address, allocation));
        }
        details.Add(Rule);
        return new KernelReport(kind, ruleId, headline, stack)
        {
            Details = details,
            Address = address,
            Size = size,
            Stacks = stacks,
        };
    }

    private static string[] Located(ulong address, Allocation allocation)
    {
        string where = address < allocation.Start ? $"{allocation.Start - address} bytes to the left of"
            : address >= allocation.End ? $"{address - allocation.End} bytes to the right of"
            : $"{address - allocation.Start} bytes inside of";
        return [$"The buggy address is located {where}", $" {allocation.Size}-byte region [{allocation.Start:x8}, {allocation.End:x8})"];
    }
}
