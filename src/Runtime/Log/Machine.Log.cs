using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Kmem;

public sealed partial class Machine
{
    private DmesgBuffer? dmesg;

    // Created on first use: other subsystems may log while the machine is still booting.
    private DmesgBuffer DmesgLog => LazyInitializer.EnsureInitialized(ref dmesg, () => new DmesgBuffer(Options.LogBufferBytes, Options.LogSink));

    /// <summary>The kernel log as <c>dmesg</c> prints it, oldest line first: <c>[    0.000123] text</c>.</summary>
    public IReadOnlyList<string> Dmesg() => DmesgLog.Snapshot().Select(r => r.ToString()).ToArray();

    /// <summary>The kernel log as records with level and timestamp, oldest first.</summary>
    public IReadOnlyList<DmesgRecord> DmesgRecords() => DmesgLog.Snapshot();

    /// <summary>Empties the kernel log (<c>dmesg -C</c>).</summary>
    public void ClearDmesg() => DmesgLog.Clear();

    /// <summary>printk: parses the level prefix, formats, and logs one record per line; returns the formatted length.</summary>
    internal int Printk(string fmt, object?[] args)
    {
        int level = LogLevel.Parse(ref fmt);
        string text = PrintkFormatter.Format(fmt, args ?? [null]);
        string body = text.EndsWith('\n') ? text.Substring(0, text.Length - 1) : text;
        foreach (var line in body.Split('\n'))
            Log(level, line);
        return text.Length;
    }

    /// <summary>Appends one line to the kernel log at <paramref name="level"/>.</summary>
    internal void Log(int level, string line) => DmesgLog.Append(Uptime, level, line);
}
