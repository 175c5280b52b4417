namespace Kmem;

/// <summary>A kernel timer; its callback runs in softirq context.</summary>
public sealed partial class timer_list
{
}
