namespace Kmem;

public sealed partial class MachineOptions
{
    /// <summary>The debugging facilities the machine runs with; <see cref="DebugOptions.All"/> unless set.</summary>
    public DebugOptions Debug { get; set; } = DebugOptions.All;

    /// <summary>How many bytes of freed slab objects KASAN keeps in quarantine before their slots are reused; 1/32 of RAM when 0 (the default), as in the kernel.</summary>
    public long KasanQuarantineBytes { get; set; }
}
