using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// Resolves an unqualified name used in a body from the declarations in scope around the body (the enclosing types'
/// members, their bases, static imports), without a semantic query inside the body: such a query makes the compiler's
/// binding of a body it has not compiled yet useless to the analyzer driver, which then binds the body a second time.
/// </summary>
internal static class UnboundNames
{
    /// <summary>
    /// The one method the name denotes, or null when it cannot be told this way: the member declares something of that
    /// name itself (a parameter, local, local function, range variable), or the name denotes anything but exactly one
    /// method.
    /// </summary>
    public static IMethodSymbol? Method(AnalysisSession session, IdentifierNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        if (name.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not MethodDeclarationSyntax member
            || LocalDeclarations.Around(session, member) is not { } locals || locals.Declares(text)
            || session.DeclaredMethod(member) is not { } declared)
        {
            return null;
        }
        if (TryEnclosingTypeMember(member, declared, text, out var inType))
            return inType;
        // Not a member of an enclosing type: an import. The return type is bound in the type's scope, outside the body,
        // so the lookup there creates no member model.
        var candidates = session.Model(name.SyntaxTree).LookupSymbols(member.ReturnType.SpanStart, name: text);
        return candidates.Length == 1 && candidates[0] is IMethodSymbol method ? method : null;
    }

    /// <summary>
    /// The name as the compiler looks it up after the member's own declarations: in the innermost enclosing type that
    /// has a member of that name, itself or inherited (read from the types' members, cheaper than a lookup). False when
    /// no enclosing type has one; otherwise <paramref name="method"/> is null when the members found are not exactly one
    /// method the type can see. The enclosing types are the declared method's containing types, as far out as the
    /// declarations enclosing it are types (no semantic query per type: the method's symbol is read once per body).
    /// </summary>
    private static bool TryEnclosingTypeMember(MethodDeclarationSyntax member, IMethodSymbol declared, string text, out IMethodSymbol? method)
    {
        method = null;
        var type = declared.ContainingType;
        for (var node = member.Parent; node is TypeDeclarationSyntax; node = node.Parent, type = type.ContainingType)
        {
            if (type is null)
                return true;
            var count = 0;
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var candidate in current.GetMembers(text))
                {
                    count++;
                    method = candidate is IMethodSymbol found
                        && (SymbolEqualityComparer.Default.Equals(current, type) || found.DeclaredAccessibility != Accessibility.Private) ? found : null;
                }
            }
            if (count > 0)
            {
                method = count == 1 ? method : null;
                return true;
            }
        }
        return false;
    }
}
