using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// Whether a simple name in some body may refer to a member of a given type, decided from syntax and declarations
/// only: no body is bound. It answers "no" only when that is certain (the receiver is a parameter or local declared
/// with another type's name, or an unqualified name sits outside the type and its derived types), and "maybe"
/// otherwise. Cross-method questions use it before a semantic query: a semantic query on a body the compiler has not
/// compiled yet makes the compiler's own binding of that body useless to the analyzer driver, which then binds it
/// again, so a 100k-line build paid for every driver's <c>probe</c> when one <c>remove</c> asked about <c>d.ring</c>.
/// </summary>
internal sealed class MemberReferences
{
    private readonly AnalysisSession session;
    private readonly Dictionary<string, List<string>> derivedByBase = new();
    private readonly HashSet<string> aliases = new();
    private readonly HashSet<string> globalStaticImports = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>> typeNames = ConcurrentTables.Create<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SimpleNameSyntax, string[]?> receivers = ConcurrentTables.Create<SimpleNameSyntax, string[]?>();
    private readonly ConcurrentDictionary<SyntaxNode, string[]> scopes = ConcurrentTables.Create<SyntaxNode, string[]>();

    private MemberReferences(AnalysisSession session) => this.session = session;

    public static MemberReferences For(AnalysisSession session) => session.Index(static s => Build(s));

    [MethodImpl(Jit.Optimized)]
    private static MemberReferences Build(AnalysisSession session)
    {
        var index = new MemberReferences(session);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            var root = tree.GetRoot();
            foreach (var node in root.DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                switch (node)
                {
                    case UsingDirectiveSyntax { Alias: { } alias }:
                        index.aliases.Add(alias.Name.Identifier.ValueText);
                        break;
                    case UsingDirectiveSyntax { GlobalKeyword.RawKind: not 0, StaticKeyword.RawKind: not 0, Name: { } imported }:
                        index.globalStaticImports.Add(RightmostName(imported));
                        break;
                    case BaseTypeDeclarationSyntax { BaseList: { } bases } type:
                        foreach (var baseType in bases.Types)
                        {
                            var name = RightmostName(baseType.Type);
                            if (!index.derivedByBase.TryGetValue(name, out var derived))
                                index.derivedByBase[name] = derived = new List<string>();
                            derived.Add(type.Identifier.ValueText);
                        }
                        break;
                }
            }
        }
        return index;
    }

    /// <summary>
    /// Whether <paramref name="name"/> (an unqualified name, or the name after <c>.</c> or <c>-&gt;</c>) may refer to a
    /// member declared in <paramref name="owner"/>; false only when it certainly does not.
    /// </summary>
    /// <remarks>The single-mention form of what <see cref="ReceiverGroups{T}"/> answers for all mentions of a name at once.</remarks>
    public bool MayReferTo(SimpleNameSyntax name, INamedTypeSymbol owner) =>
        ReceiverTypes(name) is not { } types || Array.Exists(types, Names(owner).Contains);

    /// <summary>
    /// The simple names of the types the member's receiver may have (itself or a base of it among them), read once per
    /// name node: the written types of a local or parameter, the type of an enclosing type's field or property, or
    /// for an unqualified name the enclosing types and the statically imported ones. Null when it may be any type.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public string[]? ReceiverTypes(SimpleNameSyntax name) => receivers.GetOrAdd(name, node => name.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == name => ReceiverTypes(access.Expression),
        MemberBindingExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => null,
        _ => EnclosingOrImported(name),
    });

    /// <summary>The simple names that may denote the type or one derived from it (by name, transitively), and every alias.</summary>
    public IEnumerable<string> NamesOf(INamedTypeSymbol owner) => Names(owner);

    [MethodImpl(Jit.Optimized)]
    private HashSet<string> Names(INamedTypeSymbol owner) => typeNames.GetOrAdd(owner.OriginalDefinition, type =>
    {
        var names = new HashSet<string>(aliases) { type.Name };
        var pending = new Queue<string>(names);
        while (pending.Count > 0)
        {
            if (!derivedByBase.TryGetValue(pending.Dequeue(), out var derived))
                continue;
            foreach (var name in derived)
            {
                if (names.Add(name))
                    pending.Enqueue(name);
            }
        }
        return names;
    });

    [MethodImpl(Jit.Optimized)]
    private string[]? ReceiverTypes(ExpressionSyntax receiver)
    {
        switch (receiver)
        {
            case ThisExpressionSyntax or BaseExpressionSyntax:
                return EnclosingOrImported(receiver);
            case IdentifierNameSyntax identifier:
                if (LocalDeclarations.Around(session, identifier)?.TypesOf(identifier.Identifier.ValueText) is not { } declared)
                    return null;
                if (declared.Count == 0)
                    return MemberTypes(identifier);
                var names = new List<string>();
                foreach (var type in declared)
                {
                    if (!AddWrittenType(type, names, identifier))
                        return null;
                }
                return names.ToArray();
            default:
                return null;
        }
    }

    /// <summary>Adds the name of a written type (none for one that cannot hold members); false when it may be any type (a type parameter).</summary>
    private static bool AddWrittenType(TypeSyntax type, List<string> names, SyntaxNode at)
    {
        switch (type)
        {
            case NullableTypeSyntax nullable:
                return AddWrittenType(nullable.ElementType, names, at);
            case PointerTypeSyntax pointer:
                return AddWrittenType(pointer.ElementType, names, at);
            case RefTypeSyntax reference:
                return AddWrittenType(reference.Type, names, at);
            case ScopedTypeSyntax scoped:
                return AddWrittenType(scoped.Type, names, at);
            case PredefinedTypeSyntax or ArrayTypeSyntax or TupleTypeSyntax or FunctionPointerTypeSyntax:
                return true;
            case NameSyntax name:
                var text = RightmostName(name);
                if (IsTypeParameter(text, at) || text == "dynamic")
                    return false;
                names.Add(text);
                return true;
            default:
                return false;
        }
    }

    private static bool IsTypeParameter(string text, SyntaxNode at)
    {
        foreach (var ancestor in at.Ancestors())
        {
            var parameters = ancestor switch
            {
                MethodDeclarationSyntax method => method.TypeParameterList,
                LocalFunctionStatementSyntax function => function.TypeParameterList,
                TypeDeclarationSyntax type => type.TypeParameterList,
                DelegateDeclarationSyntax @delegate => @delegate.TypeParameterList,
                _ => null,
            };
            if (parameters is not null && parameters.Parameters.Any(p => p.Identifier.ValueText == text))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A receiver named without a local declaration: the type of a field or property of that name in an enclosing type
    /// (or its bases), read from declarations, and the name itself (a type's static member); null when no such member is
    /// found (an import, a namespace) or its type may be anything.
    /// </summary>
    private string[]? MemberTypes(IdentifierNameSyntax identifier)
    {
        var text = identifier.Identifier.ValueText;
        var model = session.Model(identifier.SyntaxTree);
        var names = new List<string> { text };
        foreach (var declaration in identifier.Ancestors())
        {
            if (declaration is not TypeDeclarationSyntax || model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type)
                continue;
            var found = false;
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(text))
                {
                    if (!AddTypeOf(member, names))
                        return null;
                    found = true;
                }
            }
            if (found)
                return names.ToArray();
        }
        // Not a member of an enclosing type: a type (its static member) or an imported member, looked up in the scope
        // around a method's body (its return type is bound there), which creates no member model.
        if (identifier.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not MethodDeclarationSyntax method)
            return null;
        var symbols = model.LookupSymbols(method.ReturnType.SpanStart, name: text);
        if (symbols.IsEmpty)
            return null;
        foreach (var symbol in symbols)
        {
            if (!AddTypeOf(symbol, names))
                return null;
        }
        return names.ToArray();
    }

    /// <summary>Adds the name of the type a receiver symbol gives (a field's or property's type, or a type itself); false when it may be any type.</summary>
    private static bool AddTypeOf(ISymbol symbol, List<string> names)
    {
        var type = symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            INamedTypeSymbol named => named,
            _ => null,
        };
        if (type is IPointerTypeSymbol pointer)
            type = pointer.PointedAtType;
        if (type is not INamedTypeSymbol { TypeKind: not (TypeKind.Interface or TypeKind.Error) } receiver)
            return false;
        names.Add(receiver.Name);
        return true;
    }

    /// <summary>
    /// For an unqualified name (or <c>this</c>): the enclosing types' names and the statically imported types' names,
    /// the same for every name in one type, so found once per innermost type declaration.
    /// </summary>
    private string[] EnclosingOrImported(SyntaxNode node)
    {
        SyntaxNode scope = node.FirstAncestorOrSelf<TypeDeclarationSyntax>() ?? node.SyntaxTree.GetRoot();
        return scopes.GetOrAdd(scope, EnclosingOrImportedOf);
    }

    [MethodImpl(Jit.Optimized)]
    private string[] EnclosingOrImportedOf(SyntaxNode innermost)
    {
        var unit = (CompilationUnitSyntax)innermost.SyntaxTree.GetRoot();
        var names = new List<string>(globalStaticImports);
        foreach (var ancestor in innermost.AncestorsAndSelf())
        {
            if (ancestor is TypeDeclarationSyntax type)
                names.Add(type.Identifier.ValueText);
        }
        foreach (var directive in StaticImports(unit))
            names.Add(RightmostName(directive));
        return names.ToArray();
    }

    private static IEnumerable<NameSyntax> StaticImports(CompilationUnitSyntax unit)
    {
        foreach (var node in unit.DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { StaticKeyword.RawKind: not 0, Name: { } name })
                yield return name;
        }
    }

    private static string RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };
}
