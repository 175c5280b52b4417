using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model.Summaries;

/// <summary>
/// For a field of the compilation, the allocation sites any method stores into it (allocated in init,
/// released in exit). Only the methods that assign a member of the field's name (<see cref="NameMentions"/>)
/// are analysed, and only when a release asks about the field.
/// </summary>
internal sealed class FieldAllocations
{
    private readonly AnalysisSession session;
    private readonly ConcurrentDictionary<string, Lazy<Dictionary<IFieldSymbol, List<AllocationSite>>>> storesByName = new();

    private FieldAllocations(AnalysisSession session) => this.session = session;

    public static FieldAllocations For(AnalysisSession session) => session.Index(() => new FieldAllocations(session));

    public IReadOnlyList<AllocationSite> Of(IFieldSymbol field)
    {
        var name = field.Name;
        // One thread collects a name while the others asking for it wait, instead of each collecting it again.
        var stores = storesByName.GetOrAdd(name, key => new Lazy<Dictionary<IFieldSymbol, List<AllocationSite>>>(() => Collect(key))).Value;
        return stores.TryGetValue(field.OriginalDefinition, out var list) ? list : (IReadOnlyList<AllocationSite>)Array.Empty<AllocationSite>();
    }

    /// <summary>The stores into every field called <paramref name="name"/>, by field, analysing each writer once.</summary>
    private Dictionary<IFieldSymbol, List<AllocationSite>> Collect(string name)
    {
        var result = new Dictionary<IFieldSymbol, List<AllocationSite>>(SymbolEqualityComparer.Default);
        foreach (var body in NameMentions.For(session).Assigning(name))
        {
            if (session.Model(body.SyntaxTree).GetDeclaredSymbol(body) is not IMethodSymbol method)
                continue;
            var facts = PointerFacts.For(session, method);
            foreach (var store in facts.Log.FieldStores)
            {
                if (store.Field.Name != name)
                    continue;
                var field = store.Field.OriginalDefinition;
                if (!result.TryGetValue(field, out var list))
                    result[field] = list = new List<AllocationSite>();
                foreach (var site in facts.SitesIn(store.Sites))
                {
                    if (!site.IsParameter && !list.Contains(site))
                        list.Add(site);
                }
            }
        }
        return result;
    }
}
