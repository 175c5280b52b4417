using System.Collections.Generic;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Context;

/// <summary>
/// What one syntactic pass over the compilation tells KMEM001 before anything is bound: the bodies
/// where atomic context can start (a call, by name, of a function that registers an atomic callback
/// or opens or closes an atomic section; an <c>[Atomic]</c> method).
/// </summary>
internal sealed class BodyIndex
{
    private BodyIndex()
    {
    }

    /// <summary>The bodies where atomic context may start, in source order.</summary>
    public List<SyntaxNode> Roots { get; } = new();

    public static BodyIndex Of(AnalysisSession session)
    {
        var index = new BodyIndex();
        var names = RootNames(session);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var body in SourceBodies.Of(tree.GetRoot()))
            {
                var root = IsAtomicMethod(body, session);
                foreach (var node in body.DescendantNodes())
                {
                    if (root)
                        break;
                    root = node switch
                    {
                        InvocationExpressionSyntax invocation => InvokedName(invocation) is not { } invoked || names.Contains(invoked),
                        // A local function is called only where it is declared: one with a contract makes its body a root.
                        LocalFunctionStatementSyntax local => local.AttributeLists.Count > 0 || HasParameterAttributes(local.ParameterList),
                        ParenthesizedLambdaExpressionSyntax lambda => lambda.AttributeLists.Count > 0,
                        _ => false,
                    };
                }
                if (root)
                    index.Roots.Add(body);
            }
        }
        return index;
    }

    /// <summary>The simple name of the invoked method; null when the expression has none (then anything may be called).</summary>
    private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A method or accessor with attributes whose contract says it runs in atomic context.</summary>
    private static bool IsAtomicMethod(SyntaxNode body, AnalysisSession session)
    {
        var attributed = body switch
        {
            BaseMethodDeclarationSyntax method => method.AttributeLists.Count > 0,
            AccessorDeclarationSyntax accessor => accessor.AttributeLists.Count > 0,
            _ => false,
        };
        return attributed
            && session.Model(body.SyntaxTree).GetDeclaredSymbol(body) is IMethodSymbol symbol
            && session.Contract.Of(symbol).IsAtomic;
    }

    /// <summary>
    /// The names of the functions that register an atomic callback or open or close an atomic section:
    /// those of the Kmem runtime, of the assemblies that reference it, and of the compilation's source.
    /// </summary>
    private static HashSet<string> RootNames(AnalysisSession session)
    {
        var names = new HashSet<string>();
        var contract = session.Contract;
        var runtime = contract.KernelType?.ContainingAssembly;
        var compilation = session.Compilation;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, runtime) || References(assembly, runtime))
                AddNames(assembly.GlobalNamespace, contract, names);
        }
        // The source's own contract functions carry attributes: look only at the methods that have some
        // (on themselves or a parameter), through the members alone, without entering any body.
        foreach (var tree in compilation.SyntaxTrees)
        {
            var members = tree.GetRoot().DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
            foreach (var member in members)
            {
                if (member is BaseMethodDeclarationSyntax method
                    && (method.AttributeLists.Count > 0 || HasParameterAttributes(method.ParameterList))
                    && session.Model(tree).GetDeclaredSymbol(method) is IMethodSymbol symbol
                    && StartsAtomic(contract.Of(symbol)))
                {
                    names.Add(symbol.Name);
                }
            }
        }
        return names;
    }

    private static bool HasParameterAttributes(ParameterListSyntax list)
    {
        foreach (var parameter in list.Parameters)
        {
            if (parameter.AttributeLists.Count > 0)
                return true;
        }
        return false;
    }

    private static bool References(IAssemblySymbol assembly, IAssemblySymbol? runtime)
    {
        if (runtime is null)
            return false;
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (identity.Name == runtime.Identity.Name)
                    return true;
            }
        }
        return false;
    }

    private static void AddNames(INamespaceOrTypeSymbol container, KernelContract contract, HashSet<string> names)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    AddNames(nested, contract, names);
                    break;
                case IMethodSymbol method when !names.Contains(method.Name) && StartsAtomic(contract.Of(method)):
                    names.Add(method.Name);
                    break;
            }
        }
    }

    private static bool StartsAtomic(CallContract contract)
    {
        if (contract.EntersAtomic || contract.ExitsAtomic)
            return true;
        foreach (var callback in contract.Callbacks)
        {
            if (callback.Context != KernelContext.Process)
                return true;
        }
        return false;
    }
}
