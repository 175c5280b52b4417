using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Context;

/// <summary>
/// The bodies in which a KMEM001 finding may lie, from syntax (<see cref="BodyIndex"/>) and nothing bound: bodies where atomic
/// context may start (<see cref="BodyIndex"/>'s roots), the methods named as atomic handlers in registration calls,
/// and, by name, every method those bodies invoke, to the fixed point. A sleeping call elsewhere runs in process
/// context outside any section, so it needs no answer from the whole-compilation walk, which binds handlers ahead of
/// the compiler. Over-approximate by design (any method of an invoked name); where syntax cannot tell (an invocation
/// without a name, a handler or callee that is a variable, a handler that is not a bare name) every body is a candidate.
/// </summary>
internal sealed class AtomicCandidates
{
    private readonly HashSet<SyntaxNode> bodies = new();
    private bool everything;

    private AtomicCandidates()
    {
    }

    public static AtomicCandidates For(AnalysisSession session) => session.Index(static s => Build(s));

    /// <summary>Whether a call may be a finding: it lies in a candidate body (or syntax could not tell).</summary>
    [MethodImpl(Jit.Optimized)]
    public bool MayHoldFinding(SyntaxNode call)
    {
        if (everything)
            return true;
        // The bodies are members, accessors and initializers: none lies above a member declaration.
        for (var node = call; node is not null; node = node.Parent)
        {
            if (bodies.Contains(node))
                return true;
            if (node is MemberDeclarationSyntax)
                return false;
        }
        return false;
    }

    [MethodImpl(Jit.Optimized)]
    private static AtomicCandidates Build(AnalysisSession session)
    {
        var result = new AtomicCandidates();
        var index = BodyIndex.For(session);
        if (index.HasNamelessCall)
        {
            result.everything = true;
            return result;
        }
        var members = new HashSet<string>();
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var member in tree.GetRoot().DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                AddMemberNames(member, members);
        }
        var pending = new Queue<SyntaxNode>();
        foreach (var root in index.Roots)
        {
            if (result.bodies.Add(root))
                pending.Enqueue(root);
        }
        var names = new Queue<string>();
        var slots = CallbackSlots(session, index.Registrars);
        foreach (var (_, call) in index.Registrations.Concat(index.RegistrationsInRoots))
        {
            foreach (var handler in HandlerArguments(call, slots[NameMentions.InvokedName(call)!]))
            {
                if (handler is null || IsVariable(session, handler, call, members))
                {
                    result.everything = true;
                    return result;
                }
                names.Enqueue(handler);
            }
        }
        var followed = new HashSet<string>();
        while (pending.Count > 0 || names.Count > 0)
        {
            if (pending.Count > 0)
            {
                var body = pending.Dequeue();
                foreach (var name in index.Invoked[body])
                {
                    if (IsVariable(session, name, body, members))
                    {
                        result.everything = true;
                        return result;
                    }
                    names.Enqueue(name);
                }
                continue;
            }
            var next = names.Dequeue();
            if (!followed.Add(next) || !index.MethodsNamed.TryGetValue(next, out var declared))
                continue;
            foreach (var body in declared)
            {
                if (result.bodies.Add(body))
                    pending.Enqueue(body);
            }
        }
        return result;
    }

    /// <summary>The bare names passed where a registrar takes an atomic callback; null for an argument that is not a bare name or a null literal.</summary>
    private static IEnumerable<string?> HandlerArguments(InvocationExpressionSyntax call, List<(int Ordinal, string Name)> slots)
    {
        var arguments = call.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var isSlot = false;
            foreach (var (ordinal, name) in slots)
                isSlot |= argument.NameColon is { } named ? named.Name.Identifier.ValueText == name : ordinal == i;
            if (!isSlot)
                continue;
            var expression = argument.Expression;
            while (expression is ParenthesizedExpressionSyntax parenthesized)
                expression = parenthesized.Expression;
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                    break;
                case IdentifierNameSyntax identifier:
                    yield return identifier.Identifier.ValueText;
                    break;
                default:
                    yield return null;
                    break;
            }
        }
    }

    /// <summary>Per registrar name, the ordinals and names of its parameters that take an atomic callback (over all its overloads).</summary>
    private static Dictionary<string, List<(int Ordinal, string Name)>> CallbackSlots(AnalysisSession session, HashSet<string> registrars)
    {
        var slots = new Dictionary<string, List<(int, string)>>();
        foreach (var method in ContractedMethods.For(session).Methods)
        {
            if (!registrars.Contains(method.Name))
                continue;
            foreach (var callback in session.Contract.Of(method).Callbacks)
            {
                if (callback.Context != KernelContext.Process && callback.Ordinal >= 0 && callback.Ordinal < method.Parameters.Length)
                    Add(slots, method.Name, (callback.Ordinal, method.Parameters[callback.Ordinal].Name));
            }
        }
        return slots;
    }

    /// <summary>Whether a name may denote a delegate-holding variable rather than a method: a parameter or local of the body, or any field, property or event.</summary>
    private static bool IsVariable(AnalysisSession session, string name, SyntaxNode at, HashSet<string> members) =>
        members.Contains(name) || LocalDeclarations.Around(session, at)?.Declares(name) == true;

    private static void AddMemberNames(SyntaxNode member, HashSet<string> names)
    {
        switch (member)
        {
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                    names.Add(variable.Identifier.ValueText);
                break;
            case PropertyDeclarationSyntax property:
                names.Add(property.Identifier.ValueText);
                break;
            case EventDeclarationSyntax @event:
                names.Add(@event.Identifier.ValueText);
                break;
            case TypeDeclarationSyntax { ParameterList: { } primary }:
                foreach (var parameter in primary.Parameters)
                    names.Add(parameter.Identifier.ValueText);
                break;
        }
    }

    [MethodImpl(Jit.OutsideImage)]
    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = new List<T>();
        list.Add(value);
    }
}
