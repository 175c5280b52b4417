using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>
/// Whether the compilation declares a static field or property that can hold an allocation, read from the member
/// declarations alone. KMEM009 is about what init keeps in static storage; a compilation whose drivers keep their
/// state in instance fields (one structure per device, the kernel's usual shape) has none, and the rule then follows
/// no module's closures at all.
/// </summary>
internal sealed class StaticHolders
{
    private StaticHolders(bool any) => Any = any;

    /// <summary>Whether some static field or property of the source may hold an allocation.</summary>
    public bool Any { get; }

    public static StaticHolders For(AnalysisSession session) => session.Index(static s => new StaticHolders(Scan(s)));

    [MethodImpl(Jit.Optimized)]
    private static bool Scan(AnalysisSession session)
    {
        var allocated = AllocatedTypes(session);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            var model = session.Model(tree);
            var members = tree.GetRoot().DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
            foreach (var member in members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field when IsStatic(field.Modifiers):
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (model.GetDeclaredSymbol(variable) is IFieldSymbol symbol && MayHold(symbol.Type, allocated))
                                return true;
                        }
                        break;
                    case PropertyDeclarationSyntax property when IsStatic(property.Modifiers):
                        if (model.GetDeclaredSymbol(property) is { } declared && MayHold(declared.Type, allocated))
                            return true;
                        break;
                }
            }
        }
        return false;
    }

    private static bool IsStatic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.StaticKeyword) && !modifiers.Any(SyntaxKind.ConstKeyword);

    /// <summary>The types the contract's allocators return (a wrapper returns what it allocated, so these cover wrappers too).</summary>
    private static HashSet<ITypeSymbol> AllocatedTypes(AnalysisSession session)
    {
        var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var method in ContractedMethods.For(session).Methods)
        {
            if (session.Contract.Of(method).Allocation is not null)
                types.Add(method.ReturnType);
        }
        return types;
    }

    /// <summary>
    /// Whether storage of this type may hold an allocation: anything but a class, delegate or string type that is none
    /// of the allocated types nor a base of one and converts from nothing by a user-defined operator.
    /// </summary>
    private static bool MayHold(ITypeSymbol type, HashSet<ITypeSymbol> allocated)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return MayHold(array.ElementType, allocated);
            case INamedTypeSymbol { TypeKind: TypeKind.Delegate } or INamedTypeSymbol { SpecialType: SpecialType.System_String }:
                return false;
            case INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: not SpecialType.System_Object } named:
                foreach (var candidate in allocated)
                {
                    for (var current = candidate; current is not null; current = current.BaseType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, named.OriginalDefinition))
                            return true;
                    }
                }
                foreach (var member in named.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Conversion })
                        return true;
                }
                return false;
            default:
                return true;
        }
    }
}
