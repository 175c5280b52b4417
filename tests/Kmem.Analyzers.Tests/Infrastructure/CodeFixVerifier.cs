using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>Verifies a code fix on one analyzer's diagnostics; see <see cref="KmemCodeFixTest{TAnalyzer, TCodeFix}"/> for the setup.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    /// <summary>
    /// Expects the diagnostics of <paramref name="source"/> (markup and <paramref name="expected"/>), applies
    /// the fix to each and Fix All in every scope, and expects <paramref name="fixedSource"/> with no diagnostics left.
    /// </summary>
    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new KmemCodeFixTest<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Expects the diagnostics of <paramref name="source"/> and that the provider offers no fix for them.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new KmemCodeFixTest<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
