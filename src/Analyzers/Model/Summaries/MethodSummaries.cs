using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Model.Summaries;

/// <summary>
/// Infers <see cref="MethodSummary"/> for the compilation's own methods from their pointer facts. Only
/// direct callees are summarised; a method whose summary is being computed (recursion) has none.
/// </summary>
internal static class MethodSummaries
{
    [ThreadStatic]
    private static HashSet<ISymbol>? inProgress;

    [MethodImpl(Jit.Optimized)]
    public static MethodSummary? Of(AnalysisSession session, IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (method.MethodKind != MethodKind.Ordinary || !MayHaveSummary(session, method) || session.Declarations(method).IsEmpty)
            return null;
        inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(method))
            return null;
        try
        {
            return session.Memo(method, session, static (symbol, shared) => Infer(shared, (IMethodSymbol)symbol));
        }
        finally
        {
            inProgress.Remove(method);
        }
    }

    /// <summary>
    /// Only a method that returns or takes a tracked pointer can allocate or release for its caller: the others are
    /// not analysed for a summary, so a call to them never binds their body ahead of the compiler.
    /// </summary>
    private static bool MayHaveSummary(AnalysisSession session, IMethodSymbol method)
    {
        if (session.Contract.IsTrackedType(method.ReturnType))
            return true;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && session.Contract.IsTrackedType(parameter.Type))
                return true;
        }
        return false;
    }

    private static MethodSummary Infer(AnalysisSession session, IMethodSymbol method)
    {
        var facts = PointerFacts.For(session, method);
        var allocation = session.Contract.IsTrackedType(method.ReturnType) ? Allocation(session, facts) : null;
        var (release, freed) = Release(facts);
        return allocation is null && release is null ? MethodSummary.None : new MethodSummary(allocation, release, freed);
    }

    /// <summary>An allocator: every return gives back one family's fresh allocation, NULL or an error pointer.</summary>
    [MethodImpl(Jit.Optimized)]
    private static AllocationContract? Allocation(AnalysisSession session, PointerFacts facts)
    {
        var family = MemoryFamily.None;
        var failsWith = FailureKind.Null;
        int? order = null;
        var orderKnown = true;
        foreach (var returned in facts.Log.Returns)
        {
            if (returned.Sites == 0)
            {
                if (IsErrorPointer(session, returned.Value))
                    failsWith = FailureKind.ErrPtr;
                else if (!IsNullConstant(session, returned.Value))
                    return null;
                continue;
            }
            foreach (var site in facts.SitesIn(returned.Sites))
            {
                if (site.IsParameter || family != MemoryFamily.None && family != site.Family)
                    return null;
                family = site.Family;
                if (site.FailsWith == FailureKind.ErrPtr)
                    failsWith = FailureKind.ErrPtr;
                orderKnown &= site.OrderValue is not null && (order is null || order == site.OrderValue);
                order = site.OrderValue;
            }
        }
        if (family == MemoryFamily.None)
            return null;
        return new AllocationContract(family, failsWith, orderKnown && order is { } fixedOrder ? fixedOrder : -1, false, 0, null, null, null);
    }

    /// <summary>A release wrapper: on every normal exit one parameter has been released (or was NULL).</summary>
    private static (ReleaseContract?, int) Release(PointerFacts facts)
    {
        if (facts.Exit is not { } exit)
            return (null, -1);
        foreach (var site in facts.Sites)
        {
            var flags = exit[site.Index];
            if (site.Parameter is null || (flags & SiteFlags.Released) == 0 || (flags & ~(SiteFlags.Released | SiteFlags.Null)) != 0)
                continue;
            foreach (var release in facts.Log.Releases)
            {
                if ((release.Sites & site.Bit) != 0)
                {
                    var order = release.Release.FixedOrder;
                    if (release.Order is { ConstantValue: { HasValue: true, Value: int constant } })
                        order = constant;
                    return (new ReleaseContract(release.Release.Families, order, release.Release.AcceptsNull), site.Parameter.Ordinal);
                }
            }
        }
        return (null, -1);
    }

    private static bool IsErrorPointer(AnalysisSession session, IOperation value) =>
        Unwrap(value) is IInvocationOperation call && session.Contract.Of(call.TargetMethod).IsErrPtrEncode;

    private static bool IsNullConstant(AnalysisSession session, IOperation value) =>
        Unwrap(value) switch
        {
            { ConstantValue: { HasValue: true, Value: null or 0 or 0L or 0UL } } => true,
            IFieldReferenceOperation field => session.Contract.IsNullPointer(field.Field),
            IDefaultValueOperation => true,
            _ => false,
        };

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation conversion)
            value = conversion.Operand;
        return value;
    }
}
