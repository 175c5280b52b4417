using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model;

/// <summary>
/// The Kmem contract of one compilation, read from the attributes that the runtime (and users'
/// wrappers) carry. Made once per compilation; symbol contracts are cached.
/// </summary>
internal sealed class KernelContract
{
    private readonly ConcurrentDictionary<ISymbol, CallContract> cache = ConcurrentTables.Create<ISymbol, CallContract>(SymbolEqualityComparer.Default);
    private readonly ContractAttributes attributes;

    private KernelContract(Compilation compilation, ContractAttributes attributes, GfpLayout gfp)
    {
        Compilation = compilation;
        this.attributes = attributes;
        Gfp = gfp;
        PointerType = compilation.GetTypeByMetadataName("Kmem.KPtr");
        PageType = compilation.GetTypeByMetadataName("Kmem.page");
        SlabCacheType = compilation.GetTypeByMetadataName("Kmem.kmem_cache");
        KernelType = compilation.GetTypeByMetadataName("Kmem.Kernel");
    }

    public Compilation Compilation { get; }
    public GfpLayout Gfp { get; }
    public INamedTypeSymbol? PointerType { get; }
    public INamedTypeSymbol? PageType { get; }
    public INamedTypeSymbol? SlabCacheType { get; }
    /// <summary>The runtime's API class, where the canonical release functions live.</summary>
    public INamedTypeSymbol? KernelType { get; }

    /// <summary>The contract, or null when the compilation does not reference the Kmem runtime.</summary>
    public static KernelContract? TryCreate(Compilation compilation)
    {
        var attributes = ContractAttributes.TryCreate(compilation);
        var gfp = GfpLayout.TryCreate(compilation);
        return attributes is null || gfp is null ? null : new KernelContract(compilation, attributes, gfp);
    }

    /// <summary>The declared contract of a method (its attributes); <see cref="CallContract.Empty"/> when it has none.</summary>
    [MethodImpl(Jit.Optimized)]
    public CallContract Of(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method.OriginalDefinition;
        if (cache.TryGetValue(definition, out var known))
            return known;
        // Most methods have no contract; reading their (cached) attributes again is cheaper than adding them all to a
        // table that every thread writes to at the start of a build.
        var read = attributes.Read(definition);
        return read.IsEmpty ? read : cache.GetOrAdd(definition, read);
    }

    /// <summary>Whether reading the property dereferences its receiver (the pointer's indexer).</summary>
    public bool Dereferences(IPropertySymbol property) => attributes.Has(property, attributes.Dereferences);

    /// <summary>Whether the field or property is the NULL pointer (<c>NULL</c>, <c>KPtr.Null</c>).</summary>
    public bool IsNullPointer(ISymbol symbol) => attributes.Has(symbol, attributes.NullPointer);

    /// <summary>Whether the type is one the analyzers track as allocated memory.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool IsTrackedType(ITypeSymbol? type) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, PointerType)
            || SymbolEqualityComparer.Default.Equals(type, PageType)
            || SymbolEqualityComparer.Default.Equals(type, SlabCacheType)
            || type.SpecialType == SpecialType.System_UInt64);

    /// <summary>The runtime functions that release exactly <paramref name="family"/>, canonical ones first.</summary>
    public ImmutableArray<IMethodSymbol> ReleasesOf(MemoryFamily family)
    {
        if (KernelType is null)
            return ImmutableArray<IMethodSymbol>.Empty;
        var exact = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var member in KernelType.GetMembers())
        {
            if (member is IMethodSymbol method && Of(method).Release is { } release && release.Families == family)
                exact.Add(method);
        }
        exact.Sort((a, b) => (Of(a).Release!.FixedOrder >= 0).CompareTo(Of(b).Release!.FixedOrder >= 0));
        return exact.ToImmutable();
    }
}
