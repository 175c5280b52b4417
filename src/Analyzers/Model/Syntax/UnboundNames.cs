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
    public static IMethodSymbol? Method(SemanticModel model, IdentifierNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        if (name.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not MethodDeclarationSyntax member
            || LocalDeclarations.Around(member) is not { } locals || locals.Declares(text))
        {
            return null;
        }
        // The return type is bound in the type's scope, outside the body, so the lookup there creates no member model.
        var candidates = model.LookupSymbols(member.ReturnType.SpanStart, name: text);
        return candidates.Length == 1 && candidates[0] is IMethodSymbol method ? method : null;
    }
}
