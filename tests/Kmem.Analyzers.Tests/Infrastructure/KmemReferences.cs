using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>What code under test compiles against: the net8.0 reference assemblies and the net8.0 Kmem runtime.</summary>
public static class KmemReferences
{
    /// <summary>The folder (in the test output) where the build copies the net8.0 runtime assembly.</summary>
    private const string RuntimeFolder = "kmem-net8";

    private static readonly Lazy<MetadataReference> RuntimeReference = new(LoadRuntime);

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net80References =
        new(() => Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    /// <summary>The .NET 8 reference assemblies.</summary>
    public static ReferenceAssemblies Net80 => ReferenceAssemblies.Net.Net80;

    /// <summary>The net8.0 build of Kmem.Runtime.</summary>
    public static MetadataReference Runtime => RuntimeReference.Value;

    /// <summary>The .NET 8 reference assemblies as metadata references, resolved once per test run.</summary>
    public static Task<ImmutableArray<MetadataReference>> ResolveNet80Async() => Net80References.Value;

    private static MetadataReference LoadRuntime()
    {
        string path = Path.Combine(AppContext.BaseDirectory, RuntimeFolder, "Kmem.Runtime.dll");
        if (!File.Exists(path))
            throw new FileNotFoundException($"The net8.0 Kmem runtime was not copied to the test output; expected it at {path}. Rebuild tests/Kmem.Analyzers.Tests.", path);
        return MetadataReference.CreateFromFile(path);
    }
}
