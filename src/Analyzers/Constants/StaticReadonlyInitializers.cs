using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Constants;

/// <summary>
/// The initialiser of a <c>static readonly</c> field whose value is fixed by it: declared in source,
/// initialised in its declarator, and in a type without a static constructor that could assign it again.
/// </summary>
internal sealed class StaticReadonlyInitializers
{
    private readonly AnalysisSession session;

    public StaticReadonlyInitializers(AnalysisSession session) => this.session = session;

    /// <summary>The initialiser's operation, or null when the field's value is not fixed by it.</summary>
    public IOperation? Of(IFieldSymbol field)
    {
        if (!field.IsStatic || !field.IsReadOnly || HasStaticConstructor(field.ContainingType))
            return null;
        foreach (var reference in session.Declarations(field))
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
                return session.Model(value.SyntaxTree).GetOperation(value);
        }
        return null;
    }

    private static bool HasStaticConstructor(INamedTypeSymbol type)
    {
        foreach (var constructor in type.StaticConstructors)
        {
            if (!constructor.IsImplicitlyDeclared)
                return true;
        }
        return false;
    }
}
