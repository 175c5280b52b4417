using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer test of <typeparamref name="TAnalyzer"/> alone, compiled against .NET 8 and the Kmem
/// runtime with the Kmem global usings. Compiler errors and analyzer exceptions (AD0001) fail it.
/// </summary>
public sealed class KmemAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public KmemAnalyzerTest() => ReferenceAssemblies = KmemReferences.Net80;

    /// <summary>Whether the code under test references the Kmem runtime (and gets the global usings); true unless a test says otherwise.</summary>
    public bool WithKmemRuntime { get; set; } = true;

    protected override ParseOptions CreateParseOptions() => KmemCompilationOptions.Apply(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => KmemCompilationOptions.Apply(base.CreateCompilationOptions());

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (WithKmemRuntime)
        {
            TestState.AdditionalReferences.Add(KmemReferences.Runtime);
            KmemGlobalUsings.AddTo(TestState);
        }
        return base.RunImplAsync(cancellationToken);
    }
}
