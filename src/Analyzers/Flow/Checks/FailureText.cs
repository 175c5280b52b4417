using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kmem.Analyzers.Flow.Checks;

/// <summary>Writes the failure test and the errno of an allocation in the style of the holder's type.</summary>
internal static class FailureText
{
    /// <summary>The test that is true when <paramref name="holder"/> (of <paramref name="type"/>) holds a failed allocation.</summary>
    public static string Failed(AnalysisSession session, string holder, ITypeSymbol? type, FailureKind failsWith) =>
        failsWith == FailureKind.ErrPtr ? $"IS_ERR({holder})" : NullComparison(session, holder, type, "==");

    /// <summary>The short form used before a new statement: <c>!p</c> for a pointer.</summary>
    public static string FailedShort(AnalysisSession session, string holder, ITypeSymbol? type, FailureKind failsWith) =>
        failsWith != FailureKind.ErrPtr && IsPointer(session, type) ? "!" + Operand(holder) : Failed(session, holder, type, failsWith);

    /// <summary><c>p == NULL</c>, <c>addr == 0</c> or <c>pg == null</c> (with <c>!=</c> for the negated form).</summary>
    public static string NullComparison(AnalysisSession session, string holder, ITypeSymbol? type, string op)
    {
        var nothing = IsPointer(session, type) ? "NULL" : type?.SpecialType == SpecialType.System_UInt64 ? "0" : "null";
        return $"{Operand(holder)} {op} {nothing}";
    }

    /// <summary>The errno a failed allocation of <paramref name="failsWith"/> returns.</summary>
    public static string Error(string holder, FailureKind failsWith) =>
        failsWith == FailureKind.ErrPtr ? $"PTR_ERR({holder})" : "-ENOMEM";

    private static bool IsPointer(AnalysisSession session, ITypeSymbol? type) =>
        SymbolEqualityComparer.Default.Equals(type, session.Contract.PointerType);

    /// <summary>The holder's text, parenthesized unless it is a name, a member access or a call.</summary>
    private static string Operand(string holder)
    {
        var expression = SyntaxFactory.ParseExpression(holder);
        return expression is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax
            ? holder : "(" + holder + ")";
    }
}
