using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>Builds compilations outside the verifiers: .NET 8 reference assemblies, optionally the Kmem runtime.</summary>
public static class KmemCompilationFactory
{
    public static async Task<CSharpCompilation> CreateAsync(string assemblyName, IEnumerable<SourceFile> sources, bool withKmemRuntime)
    {
        IEnumerable<MetadataReference> references = await KmemReferences.ResolveNet80Async();
        if (withKmemRuntime)
            references = references.Append(KmemReferences.Runtime);
        IEnumerable<SyntaxTree> trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, KmemCompilationOptions.Parse, s.Path));
        return CSharpCompilation.Create(assemblyName, trees, references, KmemCompilationOptions.Compilation);
    }

    /// <summary>One source file against the Kmem runtime, asserted to compile without errors.</summary>
    public static async Task<CSharpCompilation> CreateValidAsync(string assemblyName, string source)
    {
        var compilation = await CreateAsync(assemblyName, new[] { new SourceFile("/0/Test0.cs", source) }, withKmemRuntime: true);
        Xunit.Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
