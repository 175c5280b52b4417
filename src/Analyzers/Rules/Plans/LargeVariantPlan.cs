using System.Collections.Immutable;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Rules.Patterns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules.Plans;

/// <summary>
/// Switches an allocation to another family's allocator (<c>kmalloc</c> -> <c>kvmalloc</c>) together
/// with its releases: only when the result is kept in a local confined to the method, so that every
/// release of it is in sight, and each release that does not accept the new family can be renamed
/// to one that does (<c>kfree</c> -> <c>kvfree</c>).
/// </summary>
internal static class LargeVariantPlan
{
    /// <summary>
    /// The plan, or null when the switch cannot be made safely. <paramref name="fallbacks"/> are other
    /// allocations the local may be assigned, which the fix removes (an open-coded vmalloc fallback).
    /// </summary>
    public static FixPlan? For(IInvocationOperation allocation, IMethodSymbol? variant, RuleToolkit tools, params IInvocationOperation[] fallbacks)
    {
        if (variant is null || tools.Contract.Of(variant).Allocation is not { } variantAllocation)
            return null;
        if (ConfinedPointer.TargetLocal(allocation) is not { } local
            || ConfinedPointer.Analyze(local, ImmutableArray.Create(allocation).AddRange(fallbacks), tools.Contract, tools.Runtime, tools.Nulls) is not { } confined)
            return null;

        var plan = new FixPlan().Rename(allocation.Syntax, variant.Name);
        foreach (var release in confined.Releases)
        {
            var families = tools.Contract.Of(release.TargetMethod).Release!.Families;
            if ((families & variantAllocation.Family) == variantAllocation.Family)
                continue;
            if (tools.Runtime.ReleaseAccepting(variantAllocation.Family, release.TargetMethod) is not { } replacement)
                return null;
            plan.Rename(release.Syntax, replacement.Name);
        }
        return plan;
    }
}
