using System;
using System.Globalization;

namespace Kmem;

/// <summary>One line of the kernel log.</summary>
/// <param name="Sequence">Its number, counting from 0 at boot; lines dropped from the ring buffer leave gaps before the first kept one.</param>
/// <param name="Timestamp">The machine's uptime when it was logged.</param>
/// <param name="Level">Its log level, 0 (<c>KERN_EMERG</c>) to 7 (<c>KERN_DEBUG</c>).</param>
/// <param name="Text">The message without level prefix and without the trailing newline.</param>
public sealed record DmesgRecord(long Sequence, TimeSpan Timestamp, int Level, string Text)
{
    /// <summary>The line as <c>dmesg</c> prints it: <c>[    0.000123] text</c>.</summary>
    public override string ToString()
    {
        long micros = Timestamp.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        return string.Format(CultureInfo.InvariantCulture, "[{0,5}.{1:D6}] {2}", micros / 1_000_000, micros % 1_000_000, Text);
    }
}
