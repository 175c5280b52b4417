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
    private readonly ConcurrentDictionary<IFieldSymbol, IReadOnlyList<AllocationSite>> sites = new(SymbolEqualityComparer.Default);

    private FieldAllocations(AnalysisSession session) => this.session = session;

    public static FieldAllocations For(AnalysisSession session) =>
        session.Memo(session.Compilation.Assembly, _ => Index(session));

    public IReadOnlyList<AllocationSite> Of(IFieldSymbol field)
    {
        field = field.OriginalDefinition;
        return sites.TryGetValue(field, out var known) ? known : sites.GetOrAdd(field, Collect(field));
    }

    private IReadOnlyList<AllocationSite> Collect(IFieldSymbol field)
    {
        var result = new List<AllocationSite>();
        if (!writers.TryGetValue(field.Name, out var methods))
            return result;
        foreach (var declaration in methods)
        {
            if (session.Model(declaration.SyntaxTree).GetDeclaredSymbol(declaration) is not IMethodSymbol method)
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
                if (!list.Contains(declaration))
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
