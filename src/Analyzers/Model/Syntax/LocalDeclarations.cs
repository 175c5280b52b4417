using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
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
    /// <summary>Up to this many declarations, a question scans them; beyond, it reads a table by name built on the first.</summary>
    private const int ScannedCount = 8;

    /// <summary>The declarations in the order of a walk of the member, each name with its written type (null for none).</summary>
    private string[] names = new string[4];
    private TypeSyntax?[] types = new TypeSyntax?[4];
    private int count;
    private Dictionary<string, List<TypeSyntax?>>? byName;

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
    internal static void Keep(AnalysisSession session, MemberDeclarationSyntax member, LocalDeclarations collected) =>
        Table.For(session).TryAdd(member, collected);

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
    public static LocalDeclarations? Around(AnalysisSession session, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
            return null;
        var table = Table.For(session);
        return table.TryGetValue(member, out var known) ? known : table.GetOrAdd(member, new LocalDeclarations(member));
    }

    /// <summary>Whether the member declares something of this name inside itself.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool Declares(string name)
    {
        if (count > ScannedCount)
            return ByName().ContainsKey(name);
        for (var i = 0; i < count; i++)
        {
            if (names[i] == name)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The written types of the member's declarations of this name (empty when there are none); null when one of them
    /// has no written type or is <c>var</c>.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public IReadOnlyList<TypeSyntax>? TypesOf(string name)
    {
        List<TypeSyntax>? written = null;
        if (count > ScannedCount)
        {
            if (ByName().TryGetValue(name, out var declared))
            {
                foreach (var type in declared)
                {
                    if (!AddWritten(ref written, type))
                        return null;
                }
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                if (names[i] == name && !AddWritten(ref written, types[i]))
                    return null;
            }
        }
        return written ?? (IReadOnlyList<TypeSyntax>)Array.Empty<TypeSyntax>();
    }

    /// <summary>Adds a declaration's written type; false when it has none or it is <c>var</c>.</summary>
    private static bool AddWritten(ref List<TypeSyntax>? written, TypeSyntax? type)
    {
        if (type is null || type.IsVar)
            return false;
        (written ??= new List<TypeSyntax>()).Add(type);
        return true;
    }

    /// <summary>The declarations by name, built on the first question (threads that ask at once build equal tables; one is kept).</summary>
    private Dictionary<string, List<TypeSyntax?>> ByName()
    {
        if (Volatile.Read(ref byName) is { } built)
            return built;
        var table = new Dictionary<string, List<TypeSyntax?>>();
        for (var i = 0; i < count; i++)
        {
            if (!table.TryGetValue(names[i], out var list))
                table[names[i]] = list = new List<TypeSyntax?>();
            list.Add(types[i]);
        }
        return Interlocked.CompareExchange(ref byName, table, null) ?? table;
    }

    [MethodImpl(Jit.Optimized)]
    private void Add(SyntaxToken identifier, TypeSyntax? type)
    {
        if (count == names.Length)
        {
            Array.Resize(ref names, count * 2);
            Array.Resize(ref types, count * 2);
        }
        names[count] = identifier.ValueText;
        types[count] = type;
        count++;
    }

    /// <summary>
    /// The members' declarations in a table of the session's (not a weak table: its handle per member cost the name
    /// index's walk a tenth of its time in csc, and every garbage collection scans such handles).
    /// </summary>
    private sealed class Table
    {
        private readonly ConcurrentDictionary<SyntaxNode, LocalDeclarations> byMember = ConcurrentTables.Create<SyntaxNode, LocalDeclarations>();

        public static ConcurrentDictionary<SyntaxNode, LocalDeclarations> For(AnalysisSession session) =>
            session.Index(static _ => new Table()).byMember;
    }
}
