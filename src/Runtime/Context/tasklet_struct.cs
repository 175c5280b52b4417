namespace Kmem;

/// <summary>A tasklet; its callback runs in softirq context.</summary>
public sealed partial class tasklet_struct
{
}
