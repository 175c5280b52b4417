namespace Kmem;

/// <summary>How a <see cref="Machine"/> is built. Each subsystem adds its own settings.</summary>
public sealed partial class MachineOptions
{
    /// <summary>Physical memory in bytes; 1 GiB unless set.</summary>
    public long RamBytes { get; set; } = 1L << 30;
}
