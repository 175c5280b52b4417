using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// Which source bodies assign a field (or variable) of a given name, which pass something of that name to a
/// call, and which invoke a method of that name: one syntactic pass over the compilation, nothing bound.
/// Cross-method questions (who stores an allocation in a field, who releases it, who calls a method) analyse
/// only the bodies this index names, instead of every body of the compilation.
/// </summary>
internal sealed class NameMentions
{
    private static readonly IReadOnlyList<SyntaxNode> None = Array.Empty<SyntaxNode>();

    private readonly Dictionary<string, List<SyntaxNode>> assigning = new();
    private readonly Dictionary<string, List<SyntaxNode>> passing = new();
    private readonly Dictionary<string, List<(SyntaxNode Body, InvocationExpressionSyntax Call)>> invoking = new();
    private readonly ConcurrentDictionary<string, Lazy<Dictionary<IFieldSymbol, List<SyntaxNode>>>> resolved = new();

    private readonly AnalysisSession session;

    private NameMentions(AnalysisSession session) => this.session = session;

    /// <summary>The bodies that assign or initialize a field or variable of this name.</summary>
    public IReadOnlyList<SyntaxNode> Assigning(string name) => assigning.TryGetValue(name, out var bodies) ? bodies : None;

    /// <summary>The bodies where a name of this spelling appears in the arguments of a call.</summary>
    public IReadOnlyList<SyntaxNode> Passing(string name) => passing.TryGetValue(name, out var bodies) ? bodies : None;

    /// <summary>The invocations of a method of this simple name, with the bodies they are in.</summary>
    public IReadOnlyList<(SyntaxNode Body, InvocationExpressionSyntax Call)> Invoking(string name) =>
        invoking.TryGetValue(name, out var calls) ? calls : Array.Empty<(SyntaxNode, InvocationExpressionSyntax)>();

    public static NameMentions For(AnalysisSession session) => session.Index(() => Build(session));

    private static NameMentions Build(AnalysisSession session)
    {
        var index = new NameMentions(session);
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
                        case InvocationExpressionSyntax invocation when InvokedName(invocation) is { } invoked:
                            if (!index.invoking.TryGetValue(invoked, out var calls))
                                index.invoking[invoked] = calls = new List<(SyntaxNode, InvocationExpressionSyntax)>();
                            calls.Add((body, invocation));
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

    private static void Add<TKey>(Dictionary<TKey, List<SyntaxNode>> map, TKey name, SyntaxNode body)
    {
        if (!map.TryGetValue(name, out var bodies))
            map[name] = bodies = new List<SyntaxNode>();
        if (bodies.Count == 0 || !ReferenceEquals(bodies[bodies.Count - 1], body))
            bodies.Add(body);
    }

    /// <summary>
    /// The bodies that assign <paramref name="field"/> itself (not another member of the same name), or initialize it.
    /// Resolved once per name, for every field of that name at once; only the assignments to the name are bound.
    /// </summary>
    public IReadOnlyList<SyntaxNode> Assigning(IFieldSymbol field)
    {
        var byField = resolved.GetOrAdd(field.Name, name => new Lazy<Dictionary<IFieldSymbol, List<SyntaxNode>>>(() => Resolve(name))).Value;
        return byField.TryGetValue(field.OriginalDefinition, out var bodies) ? bodies : None;
    }

    private Dictionary<IFieldSymbol, List<SyntaxNode>> Resolve(string name)
    {
        var result = new Dictionary<IFieldSymbol, List<SyntaxNode>>(SymbolEqualityComparer.Default);
        foreach (var body in Assigning(name))
        {
            var model = session.Model(body.SyntaxTree);
            if (body is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && model.GetDeclaredSymbol(declarator) is IFieldSymbol initialized)
                Add(result, initialized.OriginalDefinition, body);
            foreach (var node in body.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && IsAssignmentTarget(identifier)
                    && model.GetSymbolInfo(identifier).Symbol is IFieldSymbol field)
                    Add(result, field.OriginalDefinition, body);
            }
        }
        return result;
    }

    private static bool IsAssignmentTarget(IdentifierNameSyntax identifier)
    {
        SyntaxNode target = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier
            || identifier.Parent is MemberBindingExpressionSyntax ? identifier.Parent : identifier;
        return target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target;
    }

    /// <summary>The simple name of the invoked method; null when the expression has none (a delegate-valued expression).</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The simple name an assignment target assigns (<c>x</c>, <c>a.x</c>, <c>a?.x</c>).</summary>
    public static string? AssignedName(ExpressionSyntax target) => target switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
