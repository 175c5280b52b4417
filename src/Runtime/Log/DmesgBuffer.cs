using System;
using System.Collections.Generic;

namespace Kmem;

/// <summary>The kernel log ring buffer: bounded in bytes, oldest lines dropped first; also feeds the console sink.</summary>
internal sealed class DmesgBuffer
{
    // What a record costs beyond its text, as the kernel's struct printk_info does.
    private const int RecordOverhead = 16;

    private readonly Queue<DmesgRecord> records = new();
    private readonly long capacityBytes;
    private readonly Action<string>? sink;
    private long usedBytes;
    private long nextSequence;

    public DmesgBuffer(long capacityBytes, Action<string>? sink)
    {
        this.capacityBytes = capacityBytes;
        this.sink = sink;
    }

    public void Append(TimeSpan timestamp, int level, string text)
    {
        lock (records)
        {
            var record = new DmesgRecord(nextSequence++, timestamp, level, text);
            records.Enqueue(record);
            usedBytes += Cost(record);
            while (usedBytes > capacityBytes && records.Count > 1)
                usedBytes -= Cost(records.Dequeue());
            sink?.Invoke(record.ToString());
        }
    }

    public IReadOnlyList<DmesgRecord> Snapshot()
    {
        lock (records)
            return records.ToArray();
    }

    public void Clear()
    {
        lock (records)
        {
            records.Clear();
            usedBytes = 0;
        }
    }

    private static long Cost(DmesgRecord record) => RecordOverhead + 2L * record.Text.Length;
}
