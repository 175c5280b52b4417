using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model.Summaries;

/// <summary>
/// For a field of the compilation, the allocation sites any method stores into it (allocated in init,
/// released in exit). Only the methods that assign the field itself are analysed (<see cref="NameMentions.Assigning(IFieldSymbol)"/>), and only when a release asks about the field.
/// </summary>
internal sealed class FieldAllocations
{
    private readonly AnalysisSession session;
    private readonly ConcurrentDictionary<IFieldSymbol, Lazy<List<AllocationSite>>> stores = ConcurrentTables.Create<IFieldSymbol, Lazy<List<AllocationSite>>>(SymbolEqualityComparer.Default);

    private FieldAllocations(AnalysisSession session) => this.session = session;

    public static FieldAllocations For(AnalysisSession session) => session.Index(static s => new FieldAllocations(s));

    /// <summary>The allocation sites stored into the field; one thread collects a field while the others asking wait.</summary>
    [MethodImpl(Jit.Optimized)]
    public IReadOnlyList<AllocationSite> Of(IFieldSymbol field) =>
        stores.GetOrAdd(field.OriginalDefinition, key => new Lazy<List<AllocationSite>>(() => Collect(key))).Value;

    [MethodImpl(Jit.Optimized)]
    private List<AllocationSite> Collect(IFieldSymbol field)
    {
        var result = new List<AllocationSite>();
        foreach (var body in NameMentions.For(session).Assigning(field))
        {
            if (session.DeclaredMethod(body) is not { } method)
                continue;
            var facts = PointerFacts.For(session, method);
            foreach (var store in facts.Log.FieldStores)
            {
                if (!SymbolEqualityComparer.Default.Equals(store.Field.OriginalDefinition, field))
                    continue;
                foreach (var site in facts.SitesIn(store.Sites))
                {
                    if (!site.IsParameter && !result.Contains(site))
                        result.Add(site);
                }
            }
        }
        return result;
    }
}
