using System.Collections.Generic;

namespace Kmem;

/// <summary>The outcome of <see cref="Machine.UnloadModule"/>.</summary>
/// <param name="Succeeded">Whether the module was unloaded.</param>
/// <param name="Error">rmmod's error message when it was not (<c>rmmod: ERROR: Module X is not currently loaded</c>); null on success.</param>
/// <param name="Leaks">What the module allocated since its init and did not release by the end of its exit.</param>
public sealed record ModuleUnloadResult(bool Succeeded, string? Error, IReadOnlyList<LiveAllocation> Leaks);
