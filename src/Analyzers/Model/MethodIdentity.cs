using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model;

/// <summary>How a called method is compared with a declared one.</summary>
internal static class MethodIdentity
{
    /// <summary>The declaration a call refers to: the static form of an extension method called as an instance one, the generic definition of a constructed method.</summary>
    public static IMethodSymbol Declared(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;
}
