using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
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

    private LocalDeclarations(SyntaxNode member)
    {
        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case ParameterSyntax parameter:
                    Add(parameter.Identifier, parameter.Type);
                    break;
                case VariableDeclaratorSyntax declarator:
                    Add(declarator.Identifier, declarator.Parent is VariableDeclarationSyntax declaration ? declaration.Type : null);
                    break;
                case SingleVariableDesignationSyntax designation:
                    Add(designation.Identifier, designation.Parent switch
                    {
                        DeclarationExpressionSyntax expression => expression.Type,
                        DeclarationPatternSyntax pattern => pattern.Type,
                        _ => null,
                    });
                    break;
                case ForEachStatementSyntax loop:
                    Add(loop.Identifier, loop.Type);
                    break;
                case CatchDeclarationSyntax caught:
                    Add(caught.Identifier, caught.Type);
                    break;
                case LocalFunctionStatementSyntax function:
                    Add(function.Identifier, null);
                    break;
                case FromClauseSyntax from:
                    Add(from.Identifier, null);
                    break;
                case LetClauseSyntax let:
                    Add(let.Identifier, null);
                    break;
                case JoinClauseSyntax join:
                    Add(join.Identifier, null);
                    if (join.Into is { } into)
                        Add(into.Identifier, null);
                    break;
                case QueryContinuationSyntax continuation:
                    Add(continuation.Identifier, null);
                    break;
            }
        }
    }

    /// <summary>The declarations of the member that encloses <paramref name="node"/>; null outside any member.</summary>
    public static LocalDeclarations? Around(SyntaxNode node) =>
        node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member ? cache.GetValue(member, static m => new LocalDeclarations(m)) : null;

    /// <summary>Whether the member declares something of this name inside itself.</summary>
    public bool Declares(string name) => byName.ContainsKey(name);

    /// <summary>
    /// The written types of the member's declarations of this name (empty when there are none); null when one of them
    /// has no written type or is <c>var</c>.
    /// </summary>
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

    private void Add(SyntaxToken identifier, TypeSyntax? type)
    {
        var name = identifier.ValueText;
        if (!byName.TryGetValue(name, out var types))
            byName[name] = types = new List<TypeSyntax?>();
        types.Add(type);
    }
}
