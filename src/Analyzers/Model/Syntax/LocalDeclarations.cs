using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// What a member declares inside itself by name (parameters, locals, pattern and <c>out</c> variables, loop and catch
/// variables, local functions, query range variables), with the written type of each: one pass per member, kept for
/// every later question about a name in it.
/// </summary>
internal sealed class LocalDeclarations
{
    private static readonly ConditionalWeakTable<SyntaxNode, LocalDeclarations> cache = new();

    /// <summary>Per name, the written types of its declarations; null for one without a written type (<c>var</c>, a lambda's parameter, a local function, a range variable).</summary>
    private readonly Dictionary<string, List<TypeSyntax?>> byName = new();

    [MethodImpl(Jit.Optimized)]
    private LocalDeclarations(SyntaxNode member)
    {
        foreach (var node in member.DescendantNodes())
            Visit(node);
    }

    private LocalDeclarations()
    {
    }

    /// <summary>
    /// Records the declarations of a method in the course of another walk over all of its nodes (<see cref="NameMentions"/>'s):
    /// the returned collector is given every node below the method, and <see cref="Keep"/> makes it the method's.
    /// </summary>
    internal static LocalDeclarations Collector() => new();

    /// <summary>Makes a collector given every node below <paramref name="member"/> the member's declarations (unless another walk made them first).</summary>
    internal static void Keep(MemberDeclarationSyntax member, LocalDeclarations collected) => cache.GetValue(member, _ => collected);

    /// <summary>Records what <paramref name="node"/> declares, if anything.</summary>
    [MethodImpl(Jit.Optimized)]
    internal void Visit(SyntaxNode node)
    {
        // By kind (a jump table) rather than a chain of type tests: this runs on every node of most members.
        switch (node.Kind())
        {
            case SyntaxKind.Parameter:
                var parameter = (ParameterSyntax)node;
                Add(parameter.Identifier, parameter.Type);
                break;
            case SyntaxKind.VariableDeclarator:
                Add(((VariableDeclaratorSyntax)node).Identifier, node.Parent is VariableDeclarationSyntax declaration ? declaration.Type : null);
                break;
            case SyntaxKind.SingleVariableDesignation:
                Add(((SingleVariableDesignationSyntax)node).Identifier, node.Parent switch
                {
                    DeclarationExpressionSyntax expression => expression.Type,
                    DeclarationPatternSyntax pattern => pattern.Type,
                    _ => null,
                });
                break;
            case SyntaxKind.ForEachStatement:
                var loop = (ForEachStatementSyntax)node;
                Add(loop.Identifier, loop.Type);
                break;
            case SyntaxKind.CatchDeclaration:
                var caught = (CatchDeclarationSyntax)node;
                Add(caught.Identifier, caught.Type);
                break;
            case SyntaxKind.LocalFunctionStatement:
                Add(((LocalFunctionStatementSyntax)node).Identifier, null);
                break;
            case SyntaxKind.FromClause:
                Add(((FromClauseSyntax)node).Identifier, null);
                break;
            case SyntaxKind.LetClause:
                Add(((LetClauseSyntax)node).Identifier, null);
                break;
            case SyntaxKind.JoinClause:
                var join = (JoinClauseSyntax)node;
                Add(join.Identifier, null);
                if (join.Into is { } into)
                    Add(into.Identifier, null);
                break;
            case SyntaxKind.QueryContinuation:
                Add(((QueryContinuationSyntax)node).Identifier, null);
                break;
        }
    }

    /// <summary>The declarations of the member that encloses <paramref name="node"/>; null outside any member.</summary>
    [MethodImpl(Jit.Optimized)]
    public static LocalDeclarations? Around(SyntaxNode node) =>
        node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member ? cache.GetValue(member, static m => new LocalDeclarations(m)) : null;

    /// <summary>Whether the member declares something of this name inside itself.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool Declares(string name) => byName.ContainsKey(name);

    /// <summary>
    /// The written types of the member's declarations of this name (empty when there are none); null when one of them
    /// has no written type or is <c>var</c>.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public IReadOnlyList<TypeSyntax>? TypesOf(string name)
    {
        if (!byName.TryGetValue(name, out var types))
            return System.Array.Empty<TypeSyntax>();
        var result = new List<TypeSyntax>(types.Count);
        foreach (var type in types)
        {
            if (type is null || type.IsVar)
                return null;
            result.Add(type);
        }
        return result;
    }

    [MethodImpl(Jit.Optimized)]
    private void Add(SyntaxToken identifier, TypeSyntax? type)
    {
        var name = identifier.ValueText;
        if (!byName.TryGetValue(name, out var types))
            byName[name] = types = new List<TypeSyntax?>();
        types.Add(type);
    }
}
