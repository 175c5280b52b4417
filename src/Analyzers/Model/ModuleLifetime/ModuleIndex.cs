using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>
/// The modules of the compilation: one pass over the member declarations finds each type's [ModuleInit] and
/// [ModuleExit] methods without binding any body. Closures are followed per module, when first needed.
/// </summary>
internal sealed class ModuleIndex
{
    /// <summary>Methods beyond this many in one closure are not followed.</summary>
    private const int MaxClosure = 64;

    private readonly AnalysisSession session;
    private readonly Dictionary<INamedTypeSymbol, KernelModule> byType;
    private readonly ConcurrentDictionary<string, Lazy<List<KernelModule>>> callersByName = new();

    private ModuleIndex(AnalysisSession session, Dictionary<INamedTypeSymbol, KernelModule> byType)
    {
        this.session = session;
        this.byType = byType;
    }

    /// <summary>The module whose init is declared in <paramref name="type"/>, if any.</summary>
    public KernelModule? Of(INamedTypeSymbol type) => byType.TryGetValue(type.OriginalDefinition, out var module) ? module : null;

    /// <summary>Whether some module's exit calls <paramref name="method"/>, directly or not.</summary>
    public bool InExit(IMethodSymbol method) => In(method, init: false, exit: true);

    /// <summary>Whether some module's init or exit calls <paramref name="method"/>, directly or not.</summary>
    public bool InInitOrExit(IMethodSymbol method) => In(method, init: true, exit: true);

    /// <summary>
    /// Asks the module of the method's own type first (where init and exit helpers live), then only the modules
    /// whose init or exit may reach the method by name: the closures of the others are never followed.
    /// </summary>
    private bool In(IMethodSymbol method, bool init, bool exit)
    {
        method = method.OriginalDefinition;
        var own = Of(method.ContainingType);
        if (own is not null && (init && own.InInit(method) || exit && own.InExit(method)))
            return true;
        var others = callersByName.GetOrAdd(method.Name, name => new Lazy<List<KernelModule>>(() => ModulesCalling(name), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        foreach (var module in others)
        {
            if (module != own && (init && module.InInit(method) || exit && module.InExit(method)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The modules whose init or exit invokes a method of this name, directly or through methods invoked by name:
    /// a walk back through the bodies that invoke each name (<see cref="NameMentions"/>), nothing bound. It finds
    /// more than the closures hold (names, not symbols), never fewer: the closures follow invocations alone.
    /// </summary>
    private List<KernelModule> ModulesCalling(string name)
    {
        var modules = new List<KernelModule>();
        var mentions = NameMentions.For(session);
        var names = new HashSet<string> { name };
        var pending = new Queue<string>(names);
        while (pending.Count > 0)
        {
            foreach (var body in mentions.Invoking(pending.Dequeue()))
            {
                if (session.Model(body.SyntaxTree).GetDeclaredSymbol(body) is not IMethodSymbol caller)
                    continue;
                if (Of(caller.ContainingType) is { } module && !modules.Contains(module) && IsInitOrExit(module, caller))
                    modules.Add(module);
                if (names.Add(caller.Name))
                    pending.Enqueue(caller.Name);
            }
        }
        return modules;
    }

    private static bool IsInitOrExit(KernelModule module, IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(module.Init, method.OriginalDefinition) || SymbolEqualityComparer.Default.Equals(module.Exit, method.OriginalDefinition);

    public static ModuleIndex For(AnalysisSession session) => session.Index(() => Build(session));

    private static ModuleIndex Build(AnalysisSession session)
    {
        var inits = new Dictionary<INamedTypeSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        var exits = new Dictionary<INamedTypeSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            var members = tree.GetRoot().DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
            foreach (var node in members)
            {
                if (node is not MethodDeclarationSyntax { AttributeLists.Count: > 0 } declaration
                    || session.Model(tree).GetDeclaredSymbol(declaration) is not IMethodSymbol method)
                    continue;
                var contract = session.Contract.Of(method);
                if (contract.IsModuleInit)
                    inits[method.ContainingType.OriginalDefinition] = method;
                else if (contract.IsModuleExit)
                    exits[method.ContainingType.OriginalDefinition] = method;
            }
        }
        var modules = new Dictionary<INamedTypeSymbol, KernelModule>(SymbolEqualityComparer.Default);
        foreach (var pair in inits)
        {
            exits.TryGetValue(pair.Key, out var exit);
            modules[pair.Key] = new KernelModule(pair.Value, exit, root => Closure(session, root));
        }
        return new ModuleIndex(session, modules);
    }

    /// <summary>The method and the source methods it calls, directly or not, each once (read from their graphs).</summary>
    private static ImmutableArray<IMethodSymbol> Closure(AnalysisSession session, IMethodSymbol root)
    {
        var order = new List<IMethodSymbol> { root };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { root };
        for (var i = 0; i < order.Count && order.Count < MaxClosure; i++)
        {
            if (session.Graph(order[i]) is not { } graph)
                continue;
            foreach (var operation in graph.OriginalOperation.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: var target } && seen.Add(target.OriginalDefinition)
                    && !session.Declarations(target.OriginalDefinition).IsEmpty)
                    order.Add(target.OriginalDefinition);
            }
        }
        return order.ToImmutableArray();
    }
}
