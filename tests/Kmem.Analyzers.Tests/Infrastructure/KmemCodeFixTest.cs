using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>
/// A code fix test of <typeparamref name="TCodeFix"/> on the diagnostics of <typeparamref name="TAnalyzer"/>
/// alone, set up as <see cref="KmemAnalyzerTest{TAnalyzer}"/>. The library checks the single fixes and
/// Fix All in document, project and solution scope.
/// </summary>
public sealed class KmemCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public KmemCodeFixTest() => ReferenceAssemblies = KmemReferences.Net80;

    protected override ParseOptions CreateParseOptions() => KmemCompilationOptions.Apply(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => KmemCompilationOptions.Apply(base.CreateCompilationOptions());

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        TestState.AdditionalReferences.Add(KmemReferences.Runtime);
        KmemGlobalUsings.AddTo(TestState);
        KmemGlobalUsings.AddTo(FixedState);
        KmemGlobalUsings.AddTo(BatchFixedState);
        return base.RunImplAsync(cancellationToken);
    }
}
