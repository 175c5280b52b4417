using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Context;

/// <summary>
/// What the bodies' calls (kept by <see cref="NameMentions"/>' one syntactic pass) tell KMEM001 before anything is bound: the bodies
/// where atomic context can start (a call, by name, of a function that opens or closes an atomic
/// section; an <c>[Atomic]</c> method; a lambda or local function with attributes), the calls,
/// by name, of functions that register an atomic callback, and the names each body invokes.
/// </summary>
internal sealed class BodyIndex
{
    private BodyIndex()
    {
    }

    /// <summary>The bodies where atomic context may start, in source order: they are bound and walked.</summary>
    public List<SyntaxNode> Roots { get; } = new();

    /// <summary>In the other bodies, the calls that may register an atomic callback, in source order.</summary>
    public List<(SyntaxNode Body, InvocationExpressionSyntax Call)> Registrations { get; } = new();

    /// <summary>In the roots, the calls that may register an atomic callback (the walk finds them by binding the roots).</summary>
    public List<(SyntaxNode Body, InvocationExpressionSyntax Call)> RegistrationsInRoots { get; } = new();

    /// <summary>The names of the functions that register an atomic callback.</summary>
    public HashSet<string> Registrars { get; } = new();

    /// <summary>Per body, the names it invokes.</summary>
    public Dictionary<SyntaxNode, List<string>> Invoked { get; } = new();

    /// <summary>The method bodies of each name.</summary>
    public Dictionary<string, List<SyntaxNode>> MethodsNamed { get; } = new();

    /// <summary>Whether some body invokes something without a name (a delegate-valued expression).</summary>
    public bool HasNamelessCall { get; private set; }

    /// <summary>The compilation's index, built once.</summary>
    public static BodyIndex For(AnalysisSession session) => session.Index(static s => Build(s));

    [MethodImpl(Jit.Optimized)]
    private static BodyIndex Build(AnalysisSession session)
    {
        var index = new BodyIndex();
        var sections = new HashSet<string>();
        ContractNames(session, sections, index.Registrars);
        var calls = new List<InvocationExpressionSyntax>();
        foreach (var entry in NameMentions.For(session).Bodies)
        {
            var body = entry.Body;
            calls.Clear();
            var names = new List<string>(entry.Calls.Count);
            index.Invoked[body] = names;
            if (body is MethodDeclarationSyntax method)
            {
                if (!index.MethodsNamed.TryGetValue(method.Identifier.ValueText, out var named))
                    index.MethodsNamed[method.Identifier.ValueText] = named = new List<SyntaxNode>();
                named.Add(body);
            }
            var root = entry.HasAttributedFunction || IsAtomicMethod(body, session);
            foreach (var invocation in entry.Calls)
            {
                if (NameMentions.InvokedName(invocation) is not { } invoked)
                {
                    // No name to go by: anything may be called.
                    root = true;
                    index.HasNamelessCall = true;
                    continue;
                }
                names.Add(invoked);
                root |= sections.Contains(invoked);
                if (index.Registrars.Contains(invoked))
                    calls.Add(invocation);
            }
            if (root)
                index.Roots.Add(body);
            foreach (var call in calls)
                (root ? index.RegistrationsInRoots : index.Registrations).Add((body, call));
        }
        return index;
    }

    /// <summary>A method or accessor with attributes whose contract says it runs in atomic context.</summary>
    [MethodImpl(Jit.Optimized)]
    private static bool IsAtomicMethod(SyntaxNode body, AnalysisSession session)
    {
        var attributed = body switch
        {
            BaseMethodDeclarationSyntax method => method.AttributeLists.Count > 0,
            AccessorDeclarationSyntax accessor => accessor.AttributeLists.Count > 0,
            _ => false,
        };
        return attributed
            && session.DeclaredMethod(body) is { } symbol
            && session.Contract.Of(symbol).IsAtomic;
    }

    /// <summary>
    /// The names of the functions that open or close an atomic section (<paramref name="sections"/>) and
    /// that register an atomic callback (<paramref name="registrars"/>), among the contracted methods.
    /// </summary>
    private static void ContractNames(AnalysisSession session, HashSet<string> sections, HashSet<string> registrars)
    {
        foreach (var method in ContractedMethods.For(session).Methods)
            Classify(method, session.Contract.Of(method), sections, registrars);
    }

    private static void Classify(IMethodSymbol method, CallContract contract, HashSet<string> sections, HashSet<string> registrars)
    {
        if (contract.EntersAtomic || contract.ExitsAtomic)
            sections.Add(method.Name);
        foreach (var callback in contract.Callbacks)
        {
            if (callback.Context != KernelContext.Process)
                registrars.Add(method.Name);
        }
    }
}
