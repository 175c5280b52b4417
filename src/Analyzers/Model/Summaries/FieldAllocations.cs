using System.Collections.Concurrent;
using System.Collections.Generic;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Summaries;

/// <summary>
/// For a field of the compilation, the allocation sites any method stores into it (allocated in init,
/// released in exit). One syntactic pass finds, per member name, the methods that assign to it; only
/// those are analysed, and only when a release asks about the field.
/// </summary>
internal sealed class FieldAllocations
{
    private readonly AnalysisSession session;
    private readonly Dictionary<string, List<BaseMethodDeclarationSyntax>> writers = new();
    private readonly ConcurrentDictionary<string, Dictionary<IFieldSymbol, List<AllocationSite>>> storesByName = new();

    private FieldAllocations(AnalysisSession session) => this.session = session;

    public static FieldAllocations For(AnalysisSession session) =>
        session.Index(() => Index(session));

    public IReadOnlyList<AllocationSite> Of(IFieldSymbol field)
    {
        var name = field.Name;
        var stores = storesByName.TryGetValue(name, out var known) ? known : storesByName.GetOrAdd(name, Collect(name));
        return stores.TryGetValue(field.OriginalDefinition, out var list) ? list : (IReadOnlyList<AllocationSite>)System.Array.Empty<AllocationSite>();
    }

    /// <summary>The stores into every field called <paramref name="name"/>, by field, analysing each writer once.</summary>
    private Dictionary<IFieldSymbol, List<AllocationSite>> Collect(string name)
    {
        var result = new Dictionary<IFieldSymbol, List<AllocationSite>>(SymbolEqualityComparer.Default);
        if (!writers.TryGetValue(name, out var methods))
            return result;
        foreach (var declaration in methods)
        {
            if (session.Model(declaration.SyntaxTree).GetDeclaredSymbol(declaration) is not IMethodSymbol method)
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

    private static FieldAllocations Index(AnalysisSession session)
    {
        var index = new FieldAllocations(session);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax assignment || AssignedName(assignment.Left) is not { } name)
                    continue;
                var declaration = FirstAncestor(assignment);
                if (declaration is null)
                    continue;
                if (!index.writers.TryGetValue(name, out var list))
                    index.writers[name] = list = new List<BaseMethodDeclarationSyntax>();
                if (list.Count == 0 || list[list.Count - 1] != declaration)
                    list.Add(declaration);
            }
        }
        return index;
    }

    private static string? AssignedName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static BaseMethodDeclarationSyntax? FirstAncestor(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseMethodDeclarationSyntax declaration)
                return declaration;
        }
        return null;
    }
}
