using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model;

/// <summary>
/// The bit layout of <c>gfp_t</c>, read from the runtime's enum so that the analyzers hard-code no
/// flag values. Every mask is 0 when the runtime lacks the member.
/// </summary>
internal sealed class GfpLayout
{
    private GfpLayout(INamedTypeSymbol type)
    {
        Type = type;
        DirectReclaim = Member(type, "__GFP_DIRECT_RECLAIM");
        Highmem = Member(type, "__GFP_HIGHMEM");
        Dma = Member(type, "__GFP_DMA");
        Dma32 = Member(type, "__GFP_DMA32");
        High = Member(type, "__GFP_HIGH");
        NoFail = Member(type, "__GFP_NOFAIL");
        Zero = Member(type, "__GFP_ZERO");
        Atomic = Member(type, "GFP_ATOMIC");
        Kernel = Member(type, "GFP_KERNEL");
    }

    public INamedTypeSymbol Type { get; }
    public ulong DirectReclaim { get; }
    public ulong Highmem { get; }
    public ulong Dma { get; }
    public ulong Dma32 { get; }
    public ulong High { get; }
    public ulong NoFail { get; }
    public ulong Zero { get; }
    public ulong Atomic { get; }
    public ulong Kernel { get; }

    /// <summary>The zone modifiers.</summary>
    public ulong ZoneMask => Dma | Dma32 | Highmem;

    public static GfpLayout? TryCreate(Compilation compilation)
    {
        var type = compilation.GetTypeByMetadataName("Kmem.gfp_t");
        return type is null ? null : new GfpLayout(type);
    }

    /// <summary>Whether a mask lets the allocation sleep in direct reclaim.</summary>
    public bool MayReclaim(ulong mask) => (mask & DirectReclaim) != 0;

    private static ulong Member(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
                return System.Convert.ToUInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
        }
        return 0;
    }
}
