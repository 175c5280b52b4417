using System.Globalization;
using CsCheck;
using Kmem;
using Xunit;
using static Kmem.Kernel;

namespace Kmem.Runtime.Tests.Log;

public class PrintkFormatTests
{
    public static TheoryData<string, object?[], string> Cases => new()
    {
        { "plain text", [], "plain text" },
        { "%d|%i", [-42, 7], "-42|7" },
        { "%u", [-1], "4294967295" },
        { "%ld %lld", [-5L, long.MinValue], "-5 -9223372036854775808" },
        { "%lu %llu", [ulong.MaxValue, 3UL], "18446744073709551615 3" },
        { "%x %X", [255, 255], "ff FF" },
        { "%x", [-1], "ffffffff" },
        { "%lx", [0xC0001000UL], "c0001000" },
        { "0x%08lx", [0x1234UL], "0x00001234" },
        { "%llx", [-1L], "ffffffffffffffff" },
        { "%zu %zd", [4096L, -1L], "4096 -1" },
        { "[%5d]", [42], "[   42]" },
        { "[%-5d]", [42], "[42   ]" },
        { "[%05d]", [-42], "[-0042]" },
        { "%+d % d", [5, 5], "+5  5" },
        { "%#x %#o", [255, 8], "0xff 010" },
        { "%.3d", [7], "007" },
        { "%hhx %hx", [0x1234, 0x12345], "34 2345" },
        { "%s and %s", ["this", null], "this and (null)" },
        { "[%8s][%-4s][%.2s]", ["abc", "ab", "xyz"], "[     abc][ab  ][xy]" },
        { "%c%c", ['o', 107], "ok" },
        { "%p", [new KPtr(0xC0001000)], "c0001000" },
        { "%px!", [new KPtr(0xC0001000)], "c0001000!" },
        { "%p", [NULL], "00000000" },
        { "%*d", [4, 1], "   1" },
        { "100%%", [], "100%" },
        { "%d", [new KPtr(16)], "16" },
        { "%d", ["text"], "text" },
        { "%d %s", [1], "1 %s" },
        { "%d", [true], "1" },
        { "%x", [GFP_KERNEL], "cc0" },
        { "%q", [1], "%q" },
        { "trailing %", [], "trailing %" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Formats_like_the_kernel(string fmt, object?[] args, string expected)
    {
        Assert.Equal(expected, PrintkFormatter.Format(fmt, args));
    }

    [Fact]
    public void Integers_print_as_their_decimal_and_hex_values()
    {
        Gen.Long.Sample(v =>
        {
            Assert.Equal(v.ToString(CultureInfo.InvariantCulture), PrintkFormatter.Format("%ld", [v]));
            Assert.Equal(((ulong)v).ToString("x", CultureInfo.InvariantCulture), PrintkFormatter.Format("%lx", [v]));
            Assert.Equal(((ulong)v).ToString("x16", CultureInfo.InvariantCulture), PrintkFormatter.Format("%016llx", [v]));
        });
        Gen.Int.Sample(v => Assert.Equal(((uint)v).ToString(CultureInfo.InvariantCulture), PrintkFormatter.Format("%u", [v])));
    }
}
