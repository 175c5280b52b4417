namespace Kmem;

/// <summary>A work item; its handler runs on a worker thread in process context.</summary>
public sealed partial class work_struct
{
}
