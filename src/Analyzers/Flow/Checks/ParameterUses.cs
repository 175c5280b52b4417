using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Flow.Checks;

/// <summary>
/// Which pointer parameters a source method reads or writes through (a helper that uses its argument),
/// read from the use events of its own pointer facts. A method whose uses are being computed (recursion) uses none.
/// </summary>
internal sealed class ParameterUses
{
    private static readonly ParameterUses None = new(ImmutableHashSet<int>.Empty);

    [ThreadStatic]
    private static HashSet<ISymbol>? inProgress;

    private readonly ImmutableHashSet<int> used;

    private ParameterUses(ImmutableHashSet<int> used) => this.used = used;

    /// <summary>Whether <paramref name="method"/> dereferences its parameter <paramref name="ordinal"/> on some path.</summary>
    public static bool Dereferences(AnalysisSession session, IMethodSymbol method, int ordinal)
    {
        method = method.OriginalDefinition;
        if (ordinal < 0 || ordinal >= method.Parameters.Length || method.MethodKind != MethodKind.Ordinary
            || !session.Contract.IsTrackedType(method.Parameters[ordinal].Type) || session.Declarations(method).IsEmpty)
            return false;
        inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(method))
            return false;
        try
        {
            return session.Memo(method, session, static (symbol, shared) => Infer(shared, (IMethodSymbol)symbol)).used.Contains(ordinal);
        }
        finally
        {
            inProgress.Remove(method);
        }
    }

    private static ParameterUses Infer(AnalysisSession session, IMethodSymbol method)
    {
        var facts = PointerFacts.For(session, method);
        var used = ImmutableHashSet.CreateBuilder<int>();
        foreach (var use in facts.Log.Uses)
        {
            foreach (var site in facts.SitesIn(use.Sites))
            {
                if (site.Parameter is { } parameter)
                    used.Add(parameter.Ordinal);
            }
        }
        return used.Count == 0 ? None : new ParameterUses(used.ToImmutable());
    }
}
