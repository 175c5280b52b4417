namespace Kmem;

/// <summary>The kernel's log levels, as the digits of the <c>KERN_*</c> prefixes.</summary>
internal static class LogLevel
{
    public const int Emergency = 0;
    public const int Error = 3;
    public const int Warning = 4;
    public const int Info = 6;

    /// <summary>The level of a message without prefix (the kernel's CONFIG_MESSAGE_LOGLEVEL_DEFAULT).</summary>
    public const int Default = Warning;

    /// <summary>Strips the <c>KERN_*</c> prefixes ("\u0001" and a digit) from <paramref name="text"/> and returns the level they set.</summary>
    public static int Parse(ref string text)
    {
        int level = Default;
        int i = 0;
        while (i + 1 < text.Length && text[i] == '\u0001')
        {
            char c = text[i + 1];
            if (c >= '0' && c <= '7')
                level = c - '0';
            i += 2;
        }
        text = text.Substring(i);
        return level;
    }
}
