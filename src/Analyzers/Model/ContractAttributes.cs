using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model;

/// <summary>The contract attribute types of the runtime, resolved once per compilation, and the reading of them.</summary>
internal sealed class ContractAttributes
{
    public INamedTypeSymbol Allocates = null!;
    public INamedTypeSymbol Releases = null!;
    public INamedTypeSymbol? AllocSize, AllocCount, Gfp, Order, Freed, SlabCache, Reallocated, Dereferences, DerivedFrom;
    public INamedTypeSymbol? MightSleep, Atomic, CallbackContext, EntersAtomic, ExitsAtomic;
    public INamedTypeSymbol? ErrPtrTest, ErrPtrDecode, ErrPtrEncode, NullPointer, NullTest, ModuleInit, ModuleExit, PageOrderOf;

    public static ContractAttributes? TryCreate(Compilation compilation)
    {
        var allocates = compilation.GetTypeByMetadataName("Kmem.AllocatesAttribute");
        var releases = compilation.GetTypeByMetadataName("Kmem.ReleasesAttribute");
        if (allocates is null || releases is null)
            return null;
        INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName("Kmem." + name + "Attribute");
        return new ContractAttributes
        {
            Allocates = allocates,
            Releases = releases,
            AllocSize = Get("AllocSize"),
            AllocCount = Get("AllocCount"),
            Gfp = Get("Gfp"),
            Order = Get("Order"),
            Freed = Get("Freed"),
            SlabCache = Get("SlabCache"),
            Reallocated = Get("Reallocated"),
            Dereferences = Get("Dereferences"),
            DerivedFrom = Get("DerivedFrom"),
            MightSleep = Get("MightSleep"),
            Atomic = Get("Atomic"),
            CallbackContext = Get("CallbackContext"),
            EntersAtomic = Get("EntersAtomic"),
            ExitsAtomic = Get("ExitsAtomic"),
            ErrPtrTest = Get("ErrPtrTest"),
            ErrPtrDecode = Get("ErrPtrDecode"),
            ErrPtrEncode = Get("ErrPtrEncode"),
            NullPointer = Get("NullPointer"),
            NullTest = Get("NullTest"),
            ModuleInit = Get("ModuleInit"),
            ModuleExit = Get("ModuleExit"),
            PageOrderOf = Get("PageOrderOf"),
        };
    }

    [MethodImpl(Jit.Optimized)]
    public bool Has(ISymbol symbol, INamedTypeSymbol? attribute) => Find(symbol.GetAttributes(), attribute) is not null;

    [MethodImpl(Jit.Optimized)]
    public CallContract Read(IMethodSymbol method)
    {
        var methodAttributes = method.GetAttributes();
        if (methodAttributes.IsEmpty && !AnyParameterAttribute(method))
            return CallContract.Empty;

        var contract = new CallContract
        {
            MightSleep = Find(methodAttributes, MightSleep) is not null,
            IsAtomic = Find(methodAttributes, Atomic) is not null,
            EntersAtomic = Find(methodAttributes, EntersAtomic) is not null,
            ExitsAtomic = Find(methodAttributes, ExitsAtomic) is not null,
            IsNullTest = Find(methodAttributes, NullTest) is not null,
            IsErrPtrDecode = Find(methodAttributes, ErrPtrDecode) is not null,
            IsErrPtrEncode = Find(methodAttributes, ErrPtrEncode) is not null,
            DereferencesReceiver = Find(methodAttributes, Dereferences) is not null,
            IsModuleInit = Find(methodAttributes, ModuleInit) is not null,
            IsModuleExit = Find(methodAttributes, ModuleExit) is not null,
            IsPageOrderOf = Find(methodAttributes, PageOrderOf) is not null,
        };

        if (Find(methodAttributes, ErrPtrTest) is { } errTest)
        {
            contract.IsErrPtrTest = true;
            contract.ErrPtrTestIncludesNull = Named(errTest, "OrNull") is true;
        }
        if (Find(methodAttributes, Allocates) is { } allocates)
        {
            contract.Allocation = new AllocationContract(
                (MemoryFamily)FirstArgument(allocates),
                (FailureKind)(Named(allocates, "FailsWith") is int fails ? fails : 0),
                Named(allocates, "FixedOrder") is int order ? order : -1,
                Named(allocates, "Zeroes") is true,
                Named(allocates, "MaxSize") is long max ? max : 0,
                Named(allocates, "ZeroingVariant") as string,
                Named(allocates, "ArrayVariant") as string,
                Named(allocates, "LargeVariant") as string);
        }
        if (Find(methodAttributes, Releases) is { } releases)
        {
            contract.Release = new ReleaseContract(
                (MemoryFamily)FirstArgument(releases),
                Named(releases, "FixedOrder") is int order ? order : -1,
                Named(releases, "AcceptsNull") is not false);
        }

        var dereferenced = ImmutableArray.CreateBuilder<int>();
        var callbacks = ImmutableArray.CreateBuilder<CallbackParameter>();
        foreach (var parameter in method.Parameters)
        {
            var parameterAttributes = parameter.GetAttributes();
            if (parameterAttributes.IsEmpty)
                continue;
            var ordinal = parameter.Ordinal;
            if (Find(parameterAttributes, AllocSize) is not null) contract.SizeParameter = ordinal;
            if (Find(parameterAttributes, AllocCount) is not null) contract.CountParameter = ordinal;
            if (Find(parameterAttributes, Gfp) is not null) contract.GfpParameter = ordinal;
            if (Find(parameterAttributes, Order) is not null) contract.OrderParameter = ordinal;
            if (Find(parameterAttributes, Freed) is not null) contract.FreedParameter = ordinal;
            if (Find(parameterAttributes, SlabCache) is not null) contract.CacheParameter = ordinal;
            if (Find(parameterAttributes, Reallocated) is not null) contract.ReallocatedParameter = ordinal;
            if (Find(parameterAttributes, DerivedFrom) is not null) contract.DerivedFromParameter = ordinal;
            if (Find(parameterAttributes, Dereferences) is not null) dereferenced.Add(ordinal);
            if (Find(parameterAttributes, CallbackContext) is { } callback)
                callbacks.Add(new CallbackParameter(ordinal, (KernelContext)FirstArgument(callback)));
        }
        if (contract.Release is not null && contract.FreedParameter < 0 && method.Parameters.Length > 0)
            contract.FreedParameter = 0;
        contract.DereferencedParameters = dereferenced.ToImmutable();
        contract.Callbacks = callbacks.ToImmutable();
        return contract;
    }

    [MethodImpl(Jit.Optimized)]
    private static bool AnyParameterAttribute(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!parameter.GetAttributes().IsEmpty)
                return true;
        }
        return false;
    }

    private static AttributeData? Find(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? type)
    {
        if (type is null)
            return null;
        foreach (var attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type))
                return attribute;
        }
        return null;
    }

    private static int FirstArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value ? value : 0;

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
                return pair.Value.Value;
        }
        return null;
    }
}
