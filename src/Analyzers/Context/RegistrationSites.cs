using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Reads a registration call (<c>request_irq(irq, isr, 0, "d", d)</c>) from symbols alone, without
/// binding the body it is in: bare names (the usual form) are looked up among the declarations around
/// the body, other forms by a semantic query on the call's parts. A probe function is among the largest
/// bodies of a driver, and not otherwise needed by KMEM001 unless atomic context reaches it.
/// </summary>
internal static class RegistrationSites
{
    /// <summary>
    /// Adds the call's atomic registrations to <paramref name="builder"/> and returns true; false when only
    /// the bound body can tell: a handler that is a lambda, a local function or a delegate variable, a call
    /// inside a lambda or local function, an extension call or a <c>params</c> argument.
    /// </summary>
    public static bool TryRead(AnalysisSession session, SyntaxNode body, InvocationExpressionSyntax call, CallGraphBuilder builder)
    {
        if (body is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) || InNestedFunction(call, body))
            return false;
        var model = session.Model(call.SyntaxTree);
        if (Resolve(session, model, call.Expression) is not IMethodSymbol { MethodKind: not MethodKind.ReducedExtension } target
            || session.DeclaredMethod(body) is not { } owner)
        {
            return false;
        }
        var handlers = new List<(IMethodSymbol Handler, KernelContext Context)>();
        foreach (var callback in session.Contract.Of(target).Callbacks)
        {
            if (callback.Context == KernelContext.Process)
                continue;
            if (callback.Ordinal < 0 || callback.Ordinal >= target.Parameters.Length || target.Parameters[callback.Ordinal].IsParams)
                return false;
            // An argument left out takes the parameter's default, a constant: nothing is registered.
            if (Argument(call, target.Parameters[callback.Ordinal]) is not { } argument || IsNull(argument))
                continue;
            if (Resolve(session, model, argument) is not IMethodSymbol { MethodKind: MethodKind.Ordinary } handler)
                return false;
            handlers.Add((handler, callback.Context));
        }
        foreach (var (handler, context) in handlers)
            builder.Register(call, handler, context, target.Name, ContextNames.Of(owner));
        return true;
    }

    /// <summary>
    /// A bare name is looked up among the declarations around the body (<see cref="UnboundNames"/>), so the probe's body
    /// is not bound ahead of the compiler; anything else, or a name that lookup cannot settle, by a semantic query.
    /// </summary>
    private static ISymbol? Resolve(AnalysisSession session, SemanticModel model, ExpressionSyntax expression) =>
        (SkipParentheses(expression) is IdentifierNameSyntax name ? UnboundNames.Method(session, name) : null)
        ?? model.GetSymbolInfo(expression).Symbol;

    private static ExpressionSyntax? Argument(InvocationExpressionSyntax call, IParameterSymbol parameter)
    {
        var arguments = call.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameColon is { } name ? name.Name.Identifier.ValueText == parameter.Name : i == parameter.Ordinal)
                return argument.Expression;
        }
        return null;
    }

    private static bool IsNull(ExpressionSyntax argument) =>
        SkipParentheses(argument) is LiteralExpressionSyntax literal && literal.Kind() is SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression;

    private static ExpressionSyntax SkipParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
            expression = parenthesized.Expression;
        return expression;
    }

    private static bool InNestedFunction(SyntaxNode call, SyntaxNode body)
    {
        for (var node = call.Parent; node is not null && node != body; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                return true;
        }
        return false;
    }
}
