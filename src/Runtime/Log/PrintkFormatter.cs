using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kmem;

/// <summary>
/// The kernel's printf subset: <c>%d %i %u %x %X %o %c %s %p %px %%</c> with the flags <c>- 0 + space #</c>,
/// a width and a precision (digits or <c>*</c>) and the length modifiers <c>hh h l ll z t j</c>.
/// Integers print at the width of the C# value passed (an <c>int</c> -1 in <c>%x</c> is <c>ffffffff</c>,
/// a <c>long</c> -1 is <c>ffffffffffffffff</c>), so <c>l</c>/<c>ll</c>/<c>z</c> change nothing and <c>h</c>/<c>hh</c> truncate.
/// An argument of the wrong type prints its <c>ToString()</c>, a missing one leaves the conversion as written.
/// </summary>
internal static class PrintkFormatter
{
    private struct Spec
    {
        public bool Left, Zero, Plus, Space, Alt;
        public int Width;
        public int Precision; // -1 when absent
        public int ShortCount; // 1 for h, 2 for hh
    }

    public static string Format(string fmt, object?[] args)
    {
        var sb = new StringBuilder(fmt.Length + 16);
        int next = 0;
        int i = 0;
        while (i < fmt.Length)
        {
            if (fmt[i] != '%')
            {
                sb.Append(fmt[i++]);
                continue;
            }
            int start = i++;
            var spec = new Spec { Precision = -1 };
            for (; i < fmt.Length; i++)
            {
                switch (fmt[i])
                {
                    case '-': spec.Left = true; continue;
                    case '0': spec.Zero = true; continue;
                    case '+': spec.Plus = true; continue;
                    case ' ': spec.Space = true; continue;
                    case '#': spec.Alt = true; continue;
                }
                break;
            }
            if (i < fmt.Length && fmt[i] == '*')
            {
                i++;
                spec.Width = next < args.Length ? (int)ToLong(args[next++]) : 0;
                if (spec.Width < 0) { spec.Left = true; spec.Width = -spec.Width; }
            }
            else
                spec.Width = ReadNumber(fmt, ref i);
            if (i < fmt.Length && fmt[i] == '.')
            {
                i++;
                if (i < fmt.Length && fmt[i] == '*')
                {
                    i++;
                    spec.Precision = next < args.Length ? Math.Max(0, (int)ToLong(args[next++])) : 0;
                }
                else
                    spec.Precision = ReadNumber(fmt, ref i);
            }
            for (; i < fmt.Length && "hlLzjt".IndexOf(fmt[i]) >= 0; i++)
                if (fmt[i] == 'h')
                    spec.ShortCount++;
            if (i >= fmt.Length)
            {
                sb.Append(fmt, start, fmt.Length - start);
                break;
            }
            char conversion = fmt[i++];
            if (conversion == '%')
            {
                sb.Append('%');
                continue;
            }
            if ("diuxXocsp".IndexOf(conversion) < 0 || next >= args.Length)
            {
                sb.Append(fmt, start, i - start);
                continue;
            }
            object? arg = args[next++];
            string text = conversion switch
            {
                'd' or 'i' => FormatSigned(arg, spec),
                'u' => FormatUnsigned(arg, spec, 10, false),
                'x' => FormatUnsigned(arg, spec, 16, false),
                'X' => FormatUnsigned(arg, spec, 16, true),
                'o' => FormatUnsigned(arg, spec, 8, false),
                'c' => FormatChar(arg),
                's' => FormatString(arg, spec),
                _ => FormatPointer(arg),
            };
            if (conversion == 'p')
                while (i < fmt.Length && char.IsAsciiLetterOrDigit(fmt[i]))
                    i++; // the extension letters (%px, %pK, %pS): all print the address
            Pad(sb, text, spec);
        }
        return sb.ToString();
    }

    private static int ReadNumber(string fmt, ref int i)
    {
        int n = 0;
        for (; i < fmt.Length && char.IsAsciiDigit(fmt[i]); i++)
            n = n * 10 + (fmt[i] - '0');
        return n;
    }

    private static void Pad(StringBuilder sb, string text, Spec spec)
    {
        int padding = spec.Width - text.Length;
        if (padding <= 0)
            sb.Append(text);
        else if (spec.Left)
            sb.Append(text).Append(' ', padding);
        else
            sb.Append(' ', padding).Append(text);
    }

    private static string FormatSigned(object? arg, Spec spec)
    {
        if (!TryInteger(arg, out ulong bits, out int width))
            return Fallback(arg);
        width = Narrow(width, spec);
        long value = SignExtend(bits, width);
        string sign = value < 0 ? "-" : spec.Plus ? "+" : spec.Space ? " " : "";
        ulong magnitude = value < 0 ? unchecked((ulong)-value) : (ulong)value;
        return Number(sign, "", magnitude, 10, false, spec);
    }

    private static string FormatUnsigned(object? arg, Spec spec, int radix, bool upper)
    {
        if (!TryInteger(arg, out ulong bits, out int width))
            return Fallback(arg);
        width = Narrow(width, spec);
        ulong value = width == 64 ? bits : bits & ((1UL << width) - 1);
        string prefix = !spec.Alt || value == 0 ? "" : radix == 16 ? (upper ? "0X" : "0x") : radix == 8 ? "0" : "";
        return Number("", prefix, value, radix, upper, spec);
    }

    private static string Number(string sign, string prefix, ulong value, int radix, bool upper, Spec spec)
    {
        string digits = spec.Precision == 0 && value == 0 ? "" : ToRadix(value, radix, upper);
        if (spec.Precision > digits.Length)
            digits = digits.PadLeft(spec.Precision, '0');
        int length = sign.Length + prefix.Length + digits.Length;
        if (spec.Zero && !spec.Left && spec.Precision < 0 && spec.Width > length)
            digits = new string('0', spec.Width - length) + digits;
        return sign + prefix + digits;
    }

    private static string ToRadix(ulong value, int radix, bool upper) => radix switch
    {
        10 => value.ToString(CultureInfo.InvariantCulture),
        16 => value.ToString(upper ? "X" : "x", CultureInfo.InvariantCulture),
        _ => Convert.ToString(unchecked((long)value), 8),
    };

    private static string FormatChar(object? arg) => arg switch
    {
        char c => c.ToString(),
        string { Length: > 0 } s => s.Substring(0, 1),
        _ when TryInteger(arg, out ulong bits, out _) => ((char)(bits & 0xFFFF)).ToString(),
        _ => Fallback(arg),
    };

    private static string FormatString(object? arg, Spec spec)
    {
        string s = arg switch
        {
            null => "(null)",
            string str => str,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => arg.ToString() ?? "",
        };
        return spec.Precision >= 0 && spec.Precision < s.Length ? s.Substring(0, spec.Precision) : s;
    }

    /// <summary>%p and %px both print the address itself (not a hash), zero-padded to 8 hex digits, or 16 above 4 GiB.</summary>
    private static string FormatPointer(object? arg)
    {
        ulong address;
        if (arg is null)
            address = 0;
        else if (!TryInteger(arg, out address, out _))
            address = (uint)RuntimeHelpers.GetHashCode(arg);
        return address.ToString(address > uint.MaxValue ? "x16" : "x8", CultureInfo.InvariantCulture);
    }

    private static int Narrow(int width, Spec spec) => spec.ShortCount switch
    {
        0 => width,
        1 => Math.Min(width, 16),
        _ => Math.Min(width, 8),
    };

    private static long SignExtend(ulong bits, int width)
    {
        if (width == 64)
            return unchecked((long)bits);
        int shift = 64 - width;
        return unchecked((long)(bits << shift) >> shift);
    }

    private static long ToLong(object? arg) => TryInteger(arg, out ulong bits, out int width) ? SignExtend(bits, width) : 0;

    private static string Fallback(object? arg) => arg switch
    {
        null => "(null)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => arg.ToString() ?? "",
    };

    private static ulong EnumBits(Enum e) => e.GetTypeCode() == TypeCode.UInt64
        ? Convert.ToUInt64(e, CultureInfo.InvariantCulture)
        : unchecked((ulong)Convert.ToInt64(e, CultureInfo.InvariantCulture));

    private static bool TryInteger(object? arg, out ulong bits, out int width)
    {
        (bits, width) = arg switch
        {
            sbyte v => (unchecked((ulong)v), 8),
            byte v => (v, 8),
            short v => (unchecked((ulong)v), 16),
            ushort v => (v, 16),
            char v => (v, 16),
            int v => (unchecked((ulong)v), 32),
            uint v => (v, 32),
            long v => (unchecked((ulong)v), 64),
            ulong v => (v, 64),
            nint v => (unchecked((ulong)v), 64),
            nuint v => (v, 64),
            bool v => (v ? 1UL : 0UL, 32),
            KPtr p => (p.Value, 64),
            Enum e => (EnumBits(e), 64),
            _ => (0UL, 0),
        };
        return width != 0;
    }
}
