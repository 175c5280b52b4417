using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// The methods that may carry a contract, found without binding any body: every method of the Kmem runtime
/// and of the referenced assemblies that reference it, and the compilation's own methods with attributes (on
/// themselves or a parameter), found through the member declarations alone. Also the names of all methods the
/// source declares.
/// </summary>
internal sealed class ContractedMethods
{
    private ContractedMethods()
    {
    }

    /// <summary>The methods, referenced ones first.</summary>
    public List<IMethodSymbol> Methods { get; } = new();

    /// <summary>The simple names of the methods declared in source, with a contract or not.</summary>
    public HashSet<string> SourceNames { get; } = new();

    public static ContractedMethods For(AnalysisSession session) => session.Index(static s => Build(s));

    [MethodImpl(Jit.Optimized)]
    private static ContractedMethods Build(AnalysisSession session)
    {
        var result = new ContractedMethods();
        var runtime = session.Contract.KernelType?.ContainingAssembly;
        var compilation = session.Compilation;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, runtime) || References(assembly, runtime))
                AddMethods(assembly.GlobalNamespace, result.Methods);
        }
        foreach (var tree in compilation.SyntaxTrees)
        {
            var members = tree.GetRoot().DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
            foreach (var member in members)
            {
                if (member is not MethodDeclarationSyntax method)
                    continue;
                result.SourceNames.Add(method.Identifier.ValueText);
                if ((method.AttributeLists.Count > 0 || HasParameterAttributes(method.ParameterList))
                    && session.Model(tree).GetDeclaredSymbol(method) is IMethodSymbol symbol)
                    result.Methods.Add(symbol);
            }
        }
        return result;
    }

    public static bool HasParameterAttributes(ParameterListSyntax list)
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

    [MethodImpl(Jit.Optimized)]
    private static void AddMethods(INamespaceOrTypeSymbol container, List<IMethodSymbol> methods)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    AddMethods(nested, methods);
                    break;
                case IMethodSymbol method:
                    methods.Add(method);
                    break;
            }
        }
    }
}
