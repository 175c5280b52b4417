using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>
/// The modules of the compilation: one pass over the member declarations finds each type's [ModuleInit] and
/// [ModuleExit] methods without binding any body. A module's closures are followed when first needed (KMEM009); whether
/// some init or exit reaches a method is found backwards from the method.
/// </summary>
internal sealed class ModuleIndex
{
    /// <summary>Methods beyond this many in one closure are not followed.</summary>
    private const int MaxClosure = 64;

    private readonly AnalysisSession session;
    private readonly Dictionary<INamedTypeSymbol, KernelModule> byType;
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<(bool, bool)>> reaching = ConcurrentTables.Create<IMethodSymbol, Lazy<(bool, bool)>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<InvocationExpressionSyntax, IMethodSymbol?> targets = ConcurrentTables.Create<InvocationExpressionSyntax, IMethodSymbol?>();

    private ModuleIndex(AnalysisSession session, Dictionary<INamedTypeSymbol, KernelModule> byType)
    {
        this.session = session;
        this.byType = byType;
    }

    /// <summary>The module whose init is declared in <paramref name="type"/>, if any.</summary>
    public KernelModule? Of(INamedTypeSymbol type) => byType.TryGetValue(type.OriginalDefinition, out var module) ? module : null;

    /// <summary>Whether some module's exit calls <paramref name="method"/>, directly or not.</summary>
    public bool InExit(IMethodSymbol method) => Reaching(method).Exit;

    /// <summary>Whether some module's init or exit calls <paramref name="method"/>, directly or not.</summary>
    public bool InInitOrExit(IMethodSymbol method) => Reaching(method) is { Init: true } or { Exit: true };

    /// <summary>
    /// Whether an init and an exit reach the method, found backwards: the invocations of its name
    /// (<see cref="NameMentions"/>, including those in lambdas and local functions), each resolved on its own (a semantic query binds its statement,
    /// not the body), then their callers in turn. The modules' closures are never followed for this: that would
    /// bind every init and exit closure of the compilation ahead of the compiler.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private (bool Init, bool Exit) Reaching(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        // Looked up first: asked for every field a method releases, and the adding path allocates its factory.
        return (reaching.TryGetValue(definition, out var known)
            ? known
            : reaching.GetOrAdd(definition, key => new Lazy<(bool, bool)>(() => FindCallers(key), LazyThreadSafetyMode.ExecutionAndPublication))).Value;
    }

    [MethodImpl(Jit.Optimized)]
    private (bool Init, bool Exit) FindCallers(IMethodSymbol method)
    {
        bool init = false, exit = false;
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
        var pending = new Queue<IMethodSymbol>(seen);
        var mentions = NameMentions.For(session);
        while (pending.Count > 0 && !(init && exit))
        {
            var callee = pending.Dequeue();
            if (Of(callee.ContainingType) is { } module)
            {
                init |= SymbolEqualityComparer.Default.Equals(module.Init, callee);
                exit |= SymbolEqualityComparer.Default.Equals(module.Exit, callee);
            }
            foreach (var (body, call) in mentions.Invoking(callee))
            {
                if (SymbolEqualityComparer.Default.Equals(Target(call), callee)
                    && session.DeclaredMethod(body) is { } caller && seen.Add(caller.OriginalDefinition))
                    pending.Enqueue(caller.OriginalDefinition);
            }
        }
        return (init, exit);
    }

    /// <summary>
    /// The method an invocation calls, resolved once per invocation: a bare name from the declarations around its body
    /// (<see cref="UnboundNames"/>: the caller may not be compiled yet), anything else by a semantic query.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private IMethodSymbol? Target(InvocationExpressionSyntax invocation) =>
        targets.GetOrAdd(invocation, call =>
        {
            var model = session.Model(call.SyntaxTree);
            var target = (call.Expression is IdentifierNameSyntax name ? UnboundNames.Method(session, name) : null)
                ?? model.GetSymbolInfo(call).Symbol as IMethodSymbol;
            return target is null ? null : MethodIdentity.Declared(target);
        });

    public static ModuleIndex For(AnalysisSession session) => session.Index(static s => Build(s));

    [MethodImpl(Jit.Optimized)]
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

    /// <summary>The method and the source methods it calls, directly or not, each once (read from their bodies' operations).</summary>
    private static ImmutableArray<IMethodSymbol> Closure(AnalysisSession session, IMethodSymbol root)
    {
        var order = new List<IMethodSymbol> { root };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { root };
        for (var i = 0; i < order.Count && order.Count < MaxClosure; i++)
        {
            if ((session.SharedGraph(order[i])?.OriginalOperation ?? session.BodyOperation(order[i])) is not { } body)
                continue;
            foreach (var operation in body.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: var target } && seen.Add(target.OriginalDefinition)
                    && !session.Declarations(target.OriginalDefinition).IsEmpty)
                    order.Add(target.OriginalDefinition);
            }
        }
        return order.ToImmutableArray();
    }
}
