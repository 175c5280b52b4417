using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// Which source bodies assign a field (or variable) of a given name, and which pass something of that name
/// to a call: one syntactic pass over the compilation, nothing bound. Cross-method questions about a field
/// (who stores an allocation in it, who releases it) analyse only the bodies this index names for the
/// field's name, instead of every body of the compilation.
/// </summary>
internal sealed class NameMentions
{
    private static readonly IReadOnlyList<SyntaxNode> None = System.Array.Empty<SyntaxNode>();

    private readonly Dictionary<string, List<SyntaxNode>> assigning = new();
    private readonly Dictionary<string, List<SyntaxNode>> passing = new();

    private NameMentions()
    {
    }

    /// <summary>The bodies that assign or initialize a field or variable of this name.</summary>
    public IReadOnlyList<SyntaxNode> Assigning(string name) => assigning.TryGetValue(name, out var bodies) ? bodies : None;

    /// <summary>The bodies where a name of this spelling appears in the arguments of a call.</summary>
    public IReadOnlyList<SyntaxNode> Passing(string name) => passing.TryGetValue(name, out var bodies) ? bodies : None;

    public static NameMentions For(AnalysisSession session) => session.Index(() => Build(session));

    private static NameMentions Build(AnalysisSession session)
    {
        var index = new NameMentions();
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var body in SourceBodies.Of(tree.GetRoot()))
            {
                if (body is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
                    Add(index.assigning, declarator.Identifier.ValueText, body);
                foreach (var node in body.DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when AssignedName(assignment.Left) is { } assigned:
                            Add(index.assigning, assigned, body);
                            break;
                        case ArgumentSyntax argument:
                            foreach (var name in argument.Expression.DescendantNodesAndSelf())
                            {
                                if (name is IdentifierNameSyntax identifier)
                                    Add(index.passing, identifier.Identifier.ValueText, body);
                            }
                            break;
                    }
                }
            }
        }
        return index;
    }

    private static void Add(Dictionary<string, List<SyntaxNode>> map, string name, SyntaxNode body)
    {
        if (!map.TryGetValue(name, out var bodies))
            map[name] = bodies = new List<SyntaxNode>();
        if (bodies.Count == 0 || !ReferenceEquals(bodies[bodies.Count - 1], body))
            bodies.Add(body);
    }

    /// <summary>
    /// Whether <paramref name="body"/> names <paramref name="field"/> itself (not another member of the same name) in
    /// the arguments of a call, or as an assignment's target: binds only the statements that spell its name.
    /// </summary>
    public static bool Refers(SemanticModel model, SyntaxNode body, IFieldSymbol field, bool asArgument)
    {
        foreach (var node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != field.Name)
                continue;
            var placed = asArgument ? identifier.FirstAncestorOrSelf<ArgumentSyntax>() is not null : IsAssignmentTarget(identifier);
            if (placed && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier).Symbol?.OriginalDefinition, field.OriginalDefinition))
                return true;
        }
        return false;
    }

    private static bool IsAssignmentTarget(IdentifierNameSyntax identifier)
    {
        SyntaxNode target = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier
            || identifier.Parent is MemberBindingExpressionSyntax ? identifier.Parent : identifier;
        return target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target;
    }

    /// <summary>The simple name an assignment target assigns (<c>x</c>, <c>a.x</c>, <c>a?.x</c>).</summary>
    public static string? AssignedName(ExpressionSyntax target) => target switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
