using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Rules;

/// <summary>
/// Runs one rule's analyzer (and fix) on driver code compiled against the net8.0 runtime assembly.
/// Sources use the markup <c>{|KMEMnnn:span|}</c> for expected diagnostics.
/// </summary>
internal static class RuleVerifier<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    private static readonly Lazy<MetadataReference> runtime = new(() =>
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "kmem-net8", "Kmem.Runtime.dll")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Asserts the diagnostics in the markup and <paramref name="expected"/> (additional locations ignored), whatever the fix.</summary>
    public static Task DiagnosticsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.AdditionalReferences.Add(runtime.Value);
        foreach (var result in expected)
            test.ExpectedDiagnostics.Add(result.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts the diagnostics in the markup (and <paramref name="expected"/>), and that no fix is offered when <paramref name="fixedSource"/> is null.</summary>
    public static Task VerifyAsync(string source, string? fixedSource = null, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource ?? source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(runtime.Value);
            FixedState.AdditionalReferences.Add(runtime.Value);
            TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
        }
    }
}

/// <summary>Wraps a driver's members in a module class with the usual usings and a few constants.</summary>
internal static class Driver
{
    public static string Module(string members) => $$"""
        using Kmem;
        using static Kmem.Kernel;

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
