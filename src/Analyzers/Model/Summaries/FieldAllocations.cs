using System.Collections.Generic;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Summaries;

/// <summary>
/// For every field of the compilation, the allocation sites stored into it by any method (allocated in
/// init, released in exit). Built once per compilation, on first request, from the methods' pointer facts.
/// </summary>
internal sealed class FieldAllocations
{
    private static readonly IReadOnlyList<AllocationSite> None = new List<AllocationSite>();

    private readonly Dictionary<IFieldSymbol, List<AllocationSite>> sites = new(SymbolEqualityComparer.Default);

    public IReadOnlyList<AllocationSite> Of(IFieldSymbol field) =>
        sites.TryGetValue(field.OriginalDefinition, out var known) ? known : None;

    public static FieldAllocations For(AnalysisSession session) =>
        session.Memo(session.Compilation.Assembly, _ => Build(session));

    private static FieldAllocations Build(AnalysisSession session)
    {
        var index = new FieldAllocations();
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not BaseMethodDeclarationSyntax declaration || !StoresSomething(declaration))
                    continue;
                if (session.Model(tree).GetDeclaredSymbol(declaration) is not IMethodSymbol method)
                    continue;
                var facts = PointerFacts.For(session, method);
                foreach (var store in facts.Log.FieldStores)
                {
                    foreach (var site in facts.SitesIn(store.Sites))
                    {
                        if (site.IsParameter)
                            continue;
                        if (!index.sites.TryGetValue(store.Field.OriginalDefinition, out var list))
                            index.sites[store.Field.OriginalDefinition] = list = new List<AllocationSite>();
                        if (!list.Contains(site))
                            list.Add(site);
                    }
                }
            }
        }
        return index;
    }

    private static bool StoresSomething(BaseMethodDeclarationSyntax declaration)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax)
                return true;
        }
        return false;
    }
}
