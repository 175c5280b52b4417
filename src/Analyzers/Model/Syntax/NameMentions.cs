using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// Which source bodies assign a field (or variable) of a given name, which pass something of that name to a
/// call that may release it, and which invoke a method of that name: one syntactic pass over the compilation, nothing bound.
/// Cross-method questions (who stores an allocation in a field, who releases it, who calls a method) analyse
/// only the bodies this index names, instead of every body of the compilation; the questions about one member
/// keep only the mentions whose receiver may be of the member's type (<see cref="ReceiverGroups{T}"/>). The same pass
/// keeps each body's calls (<see cref="Bodies"/>), so that the context index needs no walk of its own.
/// </summary>
internal sealed class NameMentions
{
    private static readonly IReadOnlyList<SyntaxNode> None = Array.Empty<SyntaxNode>();

    private readonly Dictionary<string, List<SyntaxNode>> assigning = new();
    private readonly Dictionary<string, List<(SyntaxNode Body, IdentifierNameSyntax Name)>> released = new();
    private readonly Dictionary<string, List<(SyntaxNode Body, InvocationExpressionSyntax Call)>> invoking = new();
    private readonly Dictionary<string, List<(SyntaxNode Body, SimpleNameSyntax? Target)>> targets = new();
    private readonly ConcurrentDictionary<string, Lazy<ReceiverGroups<(SyntaxNode Body, SimpleNameSyntax? Target)>>> targetGroups = new();
    private readonly ConcurrentDictionary<string, Lazy<ReceiverGroups<(SyntaxNode Body, IdentifierNameSyntax Name)>>> releasedGroups = new();
    private readonly ConcurrentDictionary<string, Lazy<ReceiverGroups<(SyntaxNode Body, InvocationExpressionSyntax Call)>>> invokingGroups = new();

    private readonly AnalysisSession session;

    private NameMentions(AnalysisSession session) => this.session = session;

    /// <summary>Every source body, in source order, with its invocations in source order.</summary>
    public List<BodyCalls> Bodies { get; } = new();

    /// <summary>The bodies that assign or initialize a field or variable of this name.</summary>
    public IReadOnlyList<SyntaxNode> Assigning(string name) => assigning.TryGetValue(name, out var bodies) ? bodies : None;

    /// <summary>
    /// The mentions of the field's name in an argument of a call that may release it (a function whose contract releases,
    /// or a source method, which a summary may make a release function; by name, at any depth: <c>kfree(d.regs)</c>,
    /// <c>kfree(pick(d.regs))</c>), through a receiver that may be of the field's type, with their bodies, in source order.
    /// A body that merely reads the field (<c>memcpy(ev, d.regs, 32)</c>) is not among them.
    /// </summary>
    public IReadOnlyList<(SyntaxNode Body, IdentifierNameSyntax Name)> PassedToRelease(IFieldSymbol field) =>
        MayReferTo(releasedGroups, released, field.Name, static (mention, references) => references.ReceiverTypes(mention.Name), field.ContainingType);

    /// <summary>
    /// The invocations that may call <paramref name="method"/>, with the bodies they are in: those of its simple name,
    /// less (for an ordinary method) those whose receiver cannot be of its type. An extension method is called through
    /// a receiver of another type and a local function by its bare name, so all calls of their name are kept.
    /// </summary>
    public IReadOnlyList<(SyntaxNode Body, InvocationExpressionSyntax Call)> Invoking(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.Ordinary && !method.IsExtensionMethod)
            return MayReferTo(invokingGroups, invoking, method.Name,
                static (call, references) => InvokedSimpleName(call.Call) is { } name ? references.ReceiverTypes(name) : null, method.ContainingType);
        return Invocations(method.Name);
    }

    /// <summary>Every invocation of the simple name, with the body it is in, in source order (whatever it may call).</summary>
    public IReadOnlyList<(SyntaxNode Body, InvocationExpressionSyntax Call)> Invocations(string name) =>
        invoking.TryGetValue(name, out var calls) ? calls : Array.Empty<(SyntaxNode, InvocationExpressionSyntax)>();

    public static NameMentions For(AnalysisSession session) => session.Index(static s => Build(s));

    [MethodImpl(Jit.Optimized)]
    private static NameMentions Build(AnalysisSession session)
    {
        var index = new NameMentions(session);
        var releasing = ReleasingNames(session);
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var body in SourceBodies.Of(tree.GetRoot()))
            {
                var calls = new BodyCalls(body);
                index.Bodies.Add(calls);
                if (body is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
                    index.AddAssignment(declarator.Identifier.ValueText, body, null);
                // A method's declarations are read on the way (the member of a body is the body itself only for a method),
                // sparing the name questions about its locals a second walk of the method.
                var declarations = body is BaseMethodDeclarationSyntax ? LocalDeclarations.Collector() : null;
                foreach (var node in body.DescendantNodes())
                {
                    declarations?.Visit(node);
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when AssignedTarget(assignment.Left) is { } target:
                            index.AddAssignment(target.Identifier.ValueText, body, target);
                            break;
                        case InvocationExpressionSyntax invocation:
                            calls.Calls.Add(invocation);
                            if (InvokedName(invocation) is { } invoked)
                                AddTo(index.invoking, invoked, (body, invocation));
                            break;
                        case IdentifierNameSyntax identifier when InReleasingArgument(identifier, body, releasing):
                            AddTo(index.released, identifier.Identifier.ValueText, (body, identifier));
                            break;
                        // A local function is called only where it is declared; one with a contract matters to the context index.
                        case LocalFunctionStatementSyntax local:
                            calls.HasAttributedFunction |= local.AttributeLists.Count > 0 || ContractedMethods.HasParameterAttributes(local.ParameterList);
                            break;
                        case ParenthesizedLambdaExpressionSyntax lambda:
                            calls.HasAttributedFunction |= lambda.AttributeLists.Count > 0;
                            break;
                    }
                }
                if (declarations is not null)
                    LocalDeclarations.Keep(session, (MemberDeclarationSyntax)body, declarations);
            }
        }
        return index;
    }

    /// <summary>
    /// Whether the name is part of an argument's value (not an argument's name) that is, itself or an argument enclosing
    /// it, an argument of an invocation of a releasing name.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private static bool InReleasingArgument(SyntaxNode name, SyntaxNode body, HashSet<string> releasing)
    {
        var inArgument = false;
        for (var node = name.Parent; node is not null && node != body; node = node.Parent)
        {
            if (!inArgument && node is NameColonSyntax)
                return false;
            if (node is ArgumentSyntax argument)
            {
                inArgument = true;
                if (argument.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation }
                    && InvokedName(invocation) is { } invoked && releasing.Contains(invoked))
                    return true;
            }
        }
        return false;
    }

    /// <summary>The names a call may release through: the functions whose contract releases, and every method declared in source.</summary>
    private static HashSet<string> ReleasingNames(AnalysisSession session)
    {
        var contracted = ContractedMethods.For(session);
        var names = new HashSet<string>(contracted.SourceNames);
        foreach (var method in contracted.Methods)
        {
            if (session.Contract.Of(method).Release is not null)
                names.Add(method.Name);
        }
        return names;
    }

    /// <summary>The mentions of the name that may refer to a member of <paramref name="owner"/>, from the name's receiver groups (made on first use).</summary>
    [MethodImpl(Jit.OutsideImage)]
    private IReadOnlyList<T> MayReferTo<T>(ConcurrentDictionary<string, Lazy<ReceiverGroups<T>>> groups, Dictionary<string, List<T>> mentions,
        string name, Func<T, MemberReferences, string[]?> receiverTypes, INamedTypeSymbol owner)
    {
        // A name with no such mention has nothing to group: a module's init and exit, which no one calls, are asked for
        // their callers once per module.
        if (!mentions.TryGetValue(name, out var list))
            return Array.Empty<T>();
        var known = groups.TryGetValue(name, out var lazy) ? lazy : AddGroups(groups, name, list, receiverTypes);
        return known.Value.MayReferTo(owner);
    }

    /// <summary>The name's receiver groups, to be made once however many threads ask (apart, so that a hit allocates no closure).</summary>
    [MethodImpl(Jit.OutsideImage)]
    private Lazy<ReceiverGroups<T>> AddGroups<T>(ConcurrentDictionary<string, Lazy<ReceiverGroups<T>>> groups, string name, List<T> mentions,
        Func<T, MemberReferences, string[]?> receiverTypes) =>
        groups.GetOrAdd(name, _ => new Lazy<ReceiverGroups<T>>(() => new ReceiverGroups<T>(mentions, receiverTypes, MemberReferences.For(session))));

    [MethodImpl(Jit.OutsideImage)]
    private static void AddTo<T>(Dictionary<string, List<T>> map, string name, T mention)
    {
        if (!map.TryGetValue(name, out var list))
            map[name] = list = new List<T>();
        list.Add(mention);
    }

    [MethodImpl(Jit.Optimized)]
    private static void AddLast(List<SyntaxNode> bodies, SyntaxNode body)
    {
        if (bodies.Count == 0 || !ReferenceEquals(bodies[bodies.Count - 1], body))
            bodies.Add(body);
    }

    [MethodImpl(Jit.Optimized)]
    private void AddAssignment(string name, SyntaxNode body, SimpleNameSyntax? target)
    {
        if (!assigning.TryGetValue(name, out var bodies))
            assigning[name] = bodies = new List<SyntaxNode>();
        AddLast(bodies, body);
        AddTo(targets, name, (body, target));
    }

    /// <summary>
    /// The bodies that may assign <paramref name="field"/> itself (not another member of the same name), or initialize it:
    /// those with an assignment to the name that <see cref="MemberReferences"/> cannot rule out. Nothing is bound, so the
    /// list may hold a body that assigns a same-named member of another type; the caller's own analysis tells them apart.
    /// </summary>
    public IReadOnlyList<SyntaxNode> Assigning(IFieldSymbol field)
    {
        var result = new List<SyntaxNode>();
        foreach (var (body, target) in MayReferTo(targetGroups, targets, field.Name, static (mention, references) => TargetTypes(mention, references), field.ContainingType))
        {
            // An initializer is grouped by the name of the type declaring it; only one declared in a type of the field's
            // type's own name is bound (a derived type of another name may declare a field of the same name).
            if (target is null
                && !(body is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                     && declarator.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText == field.ContainingType.Name
                     && SymbolEqualityComparer.Default.Equals(session.Model(body.SyntaxTree).GetDeclaredSymbol(declarator)?.OriginalDefinition, field.OriginalDefinition)))
                continue;
            AddLast(result, body);
        }
        return result;
    }

    /// <summary>
    /// The types an assignment's target may be a member of, or for an initializer the type declaring it: many types may
    /// each initialize a field of one name ('lock', 'regs'), and a question about one of them looks at its own only.
    /// </summary>
    private static string[]? TargetTypes((SyntaxNode Body, SimpleNameSyntax? Target) mention, MemberReferences references) =>
        mention.Target is { } target ? references.ReceiverTypes(target)
        : mention.Body.Parent?.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } type ? new[] { type.Identifier.ValueText }
        : null;

    /// <summary>The simple name of the invoked method; null when the expression has none (a delegate-valued expression).</summary>
    [MethodImpl(Jit.Optimized)]
    public static string? InvokedName(InvocationExpressionSyntax invocation) => InvokedSimpleName(invocation)?.Identifier.ValueText;

    /// <summary>The simple name node of the invoked method (<c>f</c>, <c>a.f</c>, <c>a?.f</c>, <c>A::f</c>); null for a delegate-valued expression.</summary>
    [MethodImpl(Jit.Optimized)]
    public static SimpleNameSyntax? InvokedSimpleName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax name => name,
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        AliasQualifiedNameSyntax alias => alias.Name,
        _ => null,
    };

    /// <summary>The simple name an assignment target assigns (<c>x</c>, <c>a.x</c>, <c>a?.x</c>).</summary>
    public static string? AssignedName(ExpressionSyntax target) => AssignedTarget(target)?.Identifier.ValueText;

    [MethodImpl(Jit.Optimized)]
    private static SimpleNameSyntax? AssignedTarget(ExpressionSyntax target) => target switch
    {
        SimpleNameSyntax name => name,
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => null,
    };
}

/// <summary>A source body, its invocations in source order, and whether it declares a lambda or local function with attributes.</summary>
internal sealed class BodyCalls
{
    public BodyCalls(SyntaxNode body) => Body = body;

    public SyntaxNode Body { get; }
    public List<InvocationExpressionSyntax> Calls { get; } = new();
    public bool HasAttributedFunction { get; set; }
}
