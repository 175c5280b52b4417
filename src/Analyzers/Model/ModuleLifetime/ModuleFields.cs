using System.Collections.Generic;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>A static field that a module's init leaves holding an allocation when it returns.</summary>
internal sealed class InitField
{
    public InitField(IFieldSymbol field, AllocationSite site, IMethodSymbol method, int order)
    {
        Field = field;
        Site = site;
        Method = method;
        Order = order;
    }

    public IFieldSymbol Field { get; }
    public AllocationSite Site { get; }
    public IMethodSymbol Method { get; }
    /// <summary>The allocation order: position in the init closure, then in the method.</summary>
    public int Order { get; }
}

/// <summary>What a module's init sets and what its exit releases, from the pointer facts of their closures.</summary>
internal static class ModuleFields
{
    /// <summary>The static fields init (or what it calls) stores an allocation in and still holds at its return.</summary>
    public static List<InitField> SetByInit(AnalysisSession session, KernelModule module)
    {
        var result = new List<InitField>();
        var seen = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        for (var i = 0; i < module.InitClosure.Length; i++)
        {
            var method = module.InitClosure[i];
            var facts = PointerFacts.For(session, method);
            if (facts.Exit is not { } exit)
                continue;
            foreach (var store in facts.Log.FieldStores)
            {
                if (!store.Field.IsStatic)
                    continue;
                foreach (var site in facts.SitesIn(store.Sites))
                {
                    if (site.Call is null || (exit.Held(Holder.Of(store.Field)) & site.Bit) == 0 || (exit[site.Index] & SiteFlags.Allocated) == 0
                        || !seen.Add(store.Field.OriginalDefinition))
                        continue;
                    result.Add(new InitField(store.Field.OriginalDefinition, site, method, i * 1_000_000 + site.Call.Syntax.SpanStart));
                }
            }
        }
        result.Sort((a, b) => a.Order.CompareTo(b.Order));
        return result;
    }

    /// <summary>The static fields exit (or what it calls) releases, each with its first release.</summary>
    public static Dictionary<IFieldSymbol, ReleaseEvent> ReleasedByExit(AnalysisSession session, KernelModule module)
    {
        var result = new Dictionary<IFieldSymbol, ReleaseEvent>(SymbolEqualityComparer.Default);
        foreach (var method in module.ExitClosure)
        {
            foreach (var release in PointerFacts.For(session, method).Log.Releases)
            {
                if (release.Holder is { Symbol: IFieldSymbol { IsStatic: true } field } && !result.ContainsKey(field.OriginalDefinition))
                    result[field.OriginalDefinition] = release;
            }
        }
        return result;
    }
}
