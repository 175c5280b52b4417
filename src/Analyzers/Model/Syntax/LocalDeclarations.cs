using System;
using System.Collections.Concurrent;
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
    /// <summary>Up to this many declarations a name is found by a scan; beyond, through a table made when the walk ends.</summary>
    private const int ScannedCount = 16;

    /// <summary>
    /// Per tree, its members' declarations. (Not a weak table per member: its adds, one per method of the compilation,
    /// were half the cost of the name index's walk in csc traces. A member lives as long as its tree's root.)
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<SyntaxNode, LocalDeclarations>> cache = new();

    private Declaration[] declarations = Array.Empty<Declaration>();
    private int count;
    private Dictionary<string, int>? firstByName;

    [MethodImpl(Jit.Optimized)]
    private LocalDeclarations(SyntaxNode member)
    {
        foreach (var node in member.DescendantNodes())
            Visit(node);
        Complete();
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
    internal static void Keep(MemberDeclarationSyntax member, LocalDeclarations collected)
    {
        collected.Complete();
        TableOf(member.SyntaxTree).TryAdd(member, collected);
    }

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
    public static LocalDeclarations? Around(SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
            return null;
        var table = TableOf(member.SyntaxTree);
        return table.TryGetValue(member, out var known) ? known : table.GetOrAdd(member, new LocalDeclarations(member));
    }

    /// <summary>Whether the member declares something of this name inside itself.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool Declares(string name) => First(name) >= 0;

    /// <summary>
    /// The written types of the member's declarations of this name (empty when there are none); null when one of them
    /// has no written type or is <c>var</c>.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public IReadOnlyList<TypeSyntax>? TypesOf(string name)
    {
        var index = First(name);
        if (index < 0)
            return Array.Empty<TypeSyntax>();
        var result = new List<TypeSyntax>(1);
        for (; index < count; index++)
        {
            if (!string.Equals(declarations[index].Name, name, StringComparison.Ordinal))
                continue;
            if (declarations[index].Type is not { IsVar: false } type)
                return null;
            result.Add(type);
        }
        return result;
    }

    private static ConcurrentDictionary<SyntaxNode, LocalDeclarations> TableOf(SyntaxTree tree) =>
        cache.GetValue(tree, static _ => new ConcurrentDictionary<SyntaxNode, LocalDeclarations>());

    /// <summary>The index of the first declaration of the name; -1 when there is none.</summary>
    [MethodImpl(Jit.Optimized)]
    private int First(string name)
    {
        if (firstByName is not null)
            return firstByName.TryGetValue(name, out var first) ? first : -1;
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(declarations[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    /// <summary>Ends the walk: a member with many declarations gets a table of their names.</summary>
    private void Complete()
    {
        if (count <= ScannedCount)
            return;
        var table = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = count - 1; i >= 0; i--)
            table[declarations[i].Name] = i;
        firstByName = table;
    }

    [MethodImpl(Jit.Optimized)]
    private void Add(SyntaxToken identifier, TypeSyntax? type)
    {
        if (count == declarations.Length)
            Array.Resize(ref declarations, Math.Max(4, count * 2));
        declarations[count++] = new Declaration(identifier.ValueText, type);
    }

    /// <summary>A name declared in the member and its written type (null when none is written).</summary>
    private readonly struct Declaration
    {
        public Declaration(string name, TypeSyntax? type)
        {
            Name = name;
            Type = type;
        }

        public string Name { get; }
        public TypeSyntax? Type { get; }
    }
}
