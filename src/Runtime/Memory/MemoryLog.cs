using System;
using System.Collections.Generic;

namespace Kmem;

/// <summary>
/// Where the memory subsystem reports warnings and bugs: every line goes to the kernel log through
/// <see cref="Kernel.printk"/> and is also kept here, so that tests can read what memory reported.
/// </summary>
internal sealed class MemoryLog
{
    private readonly List<string> lines = new();

    /// <summary>Every line reported so far, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (lines) return lines.ToArray(); }
    }

    /// <summary>Whether any reported line contains <paramref name="text"/>.</summary>
    public bool Contains(string text)
    {
        lock (lines)
            return lines.Exists(line => line.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Keeps the lines of a report that is printed elsewhere (by the machine's report list).</summary>
    public void Remember(string message)
    {
        lock (lines)
            lines.AddRange(message.Split('\n'));
    }

    public void Warn(string message) => Write(Kernel.KERN_WARNING, message);

    public void Error(string message) => Write(Kernel.KERN_ERR, message);

    private void Write(string level, string message)
    {
        var split = message.Split('\n');
        lock (lines)
            lines.AddRange(split);
        foreach (var line in split)
            Kernel.printk(level + "%s\n", line);
    }
}
