namespace Kmem.Analyzers.Tests.Rules;

/// <summary>
/// Wraps a driver's members in a module class next to a small device type and a few constants, so
/// that a rule test can state one method. The Kmem usings come from the verifiers' global usings.
/// </summary>
internal static class Driver
{
    public static string Module(string members) => $$"""
        sealed class net_dev
        {
            public KPtr rx_ring;
            public KPtr regs;
            public long rx_count;
            public kmem_cache cache;
        }

        static class Driver
        {
            const long BUF_SIZE = 256;
            const int RX_ENTRIES = 64;
            static readonly long RING_BYTES = 64 * 1024;
            static KPtr shared_buf;

        {{members}}
        }
        """;
}
