using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Flow.Repair;

/// <summary>Writes the canonical release call of an allocation site, or nothing when it cannot be written safely.</summary>
internal static class ReleaseCall
{
    /// <summary>
    /// The release of <paramref name="site"/> for the pointer written <paramref name="pointer"/> of type
    /// <paramref name="pointerType"/>; <paramref name="inSiteMethod"/> says whether the call goes into the
    /// method that allocated (where the allocation's locals may be named).
    /// </summary>
    public static string? For(AnalysisSession session, AllocationSite site, string pointer, ITypeSymbol? pointerType, bool inSiteMethod)
    {
        if (Canonical(session, site) is not { } release)
            return null;
        var contract = session.Contract.Of(release);
        var arguments = new List<string>();
        foreach (var parameter in release.Parameters)
        {
            string? argument;
            if (parameter.Ordinal == contract.FreedParameter)
                argument = Converted(pointer, pointerType, parameter.Type, session);
            else if (parameter.Ordinal == contract.OrderParameter)
                argument = site.Order is not null ? Portable(site.Order, inSiteMethod) : site.OrderValue?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            else if (parameter.Ordinal == contract.CacheParameter)
                argument = site.Cache is null ? null : Portable(site.Cache, inSiteMethod);
            else
                argument = null;
            if (argument is null)
                return null;
            arguments.Add(argument);
        }
        return release.Name + "(" + string.Join(", ", arguments) + ")";
    }

    /// <summary>Whether the canonical release of the site's family refuses NULL (<c>__free_pages</c>).</summary>
    public static bool RefusesNull(AnalysisSession session, AllocationSite site) =>
        Canonical(session, site) is { } release && session.Contract.Of(release).Release is { AcceptsNull: false };

    private static IMethodSymbol? Canonical(AnalysisSession session, AllocationSite site)
    {
        var releases = session.Contract.ReleasesOf(site.Family);
        if (releases.IsEmpty)
            return null;
        foreach (var release in releases)
        {
            var fixedOrder = session.Contract.Of(release).Release!.FixedOrder;
            if (fixedOrder >= 0 && site.Order is null && fixedOrder == site.OrderValue)
                return release;
        }
        return releases[0];
    }

    /// <summary>The text of <paramref name="operation"/> when it may be written where the release goes.</summary>
    public static string? Portable(IOperation operation, bool inSiteMethod)
    {
        if (operation.ConstantValue.HasValue)
            return operation.Syntax.ToString();
        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part is ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation && !inSiteMethod)
                return null;
            if (part is IAssignmentOperation or IIncrementOrDecrementOperation)
                return null;
        }
        return operation.Syntax.ToString();
    }

    /// <summary>The pointer text cast to the parameter's type, keeping the user's cast style.</summary>
    public static string? Converted(string pointer, ITypeSymbol? from, ITypeSymbol to, AnalysisSession session)
    {
        if (from is null || SymbolEqualityComparer.Default.Equals(from, to))
            return pointer;
        var pointerType = session.Contract.PointerType;
        var simple = SyntaxFacts.IsValidIdentifier(pointer) || IsMemberAccess(pointer);
        var operand = simple ? pointer : "(" + pointer + ")";
        if (SymbolEqualityComparer.Default.Equals(from, pointerType) && to.SpecialType == SpecialType.System_UInt64)
            return "(ulong)" + operand;
        if (from.SpecialType == SpecialType.System_UInt64 && SymbolEqualityComparer.Default.Equals(to, pointerType))
            return "(KPtr)" + operand;
        return null;
    }

    private static bool IsMemberAccess(string text)
    {
        foreach (var part in text.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part))
                return false;
        }
        return true;
    }
}
