using System.IO;
using Kmem.Analyzers.Tests.Infrastructure;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>The seed module of the API contract, as the sample ships it: the flow rules must find nothing in it.</summary>
internal static class SeedModule
{
    public static string Source => File.ReadAllText(RepositoryLayout.PathOf("samples/SeedModule/MemoryModule.cs"));
}
