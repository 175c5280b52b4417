using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Kmem.Analyzers.Rules;
using Kmem.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Rules.KMEM001;

/// <summary>
/// The KMEM001 verifiers: the analyzer (and its fix) over code compiled against .NET 8 and the
/// net8.0 Kmem runtime. A stand-in until the shared verifiers of tests/Infrastructure are merged.
/// </summary>
internal static class Kmem001Verifier
{
    private static readonly Lazy<MetadataReference> Runtime = new(() =>
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "kmem-net8", "Kmem.Runtime.dll")));

    public static DiagnosticResult Diagnostic() =>
        CSharpAnalyzerVerifier<SleepInAtomicAnalyzer, DefaultVerifier>.Diagnostic(Descriptors.KMEM001);

    /// <summary>Expects exactly the markup's diagnostics (and <paramref name="expected"/>) in <paramref name="source"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<SleepInAtomicAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Expects the diagnostics, applies the fix to each and Fix All in every scope, and expects <paramref name="fixedSource"/>.</summary>
    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<SleepInAtomicAnalyzer, SleepInAtomicCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
        };
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Expects the diagnostics and that no fix is offered for them.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<SleepInAtomicAnalyzer, SleepInAtomicCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = source,
        };
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.TestState.AdditionalReferences.Add(Runtime.Value);
    }
}
