using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Model.ModuleLifetime;

/// <summary>A release of a field by some method, and whether the method assigns the field again after it.</summary>
internal sealed class FieldRelease
{
    public FieldRelease(IMethodSymbol method, ReleaseEvent release, bool assignedAfter)
    {
        Method = method;
        Release = release;
        AssignedAfter = assignedAfter;
    }

    public IMethodSymbol Method { get; }
    public ReleaseEvent Release { get; }
    /// <summary>The method sets the field (to NULL or anew) after releasing it, so no dangling pointer is left.</summary>
    public bool AssignedAfter { get; }
}

/// <summary>
/// The other half of the field index: which methods release a field (from their pointer facts' release events)
/// and whether they set it after, and whether any method assigns it something other than NULL. Only the bodies
/// that pass (or assign) a member of the field's name are looked at (<see cref="NameMentions"/>).
/// </summary>
internal sealed class FieldReleases
{
    private readonly AnalysisSession session;
    private readonly ConcurrentDictionary<IFieldSymbol, Lazy<bool>> assigned = ConcurrentTables.Create<IFieldSymbol, Lazy<bool>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IFieldSymbol, SharedComputation<List<FieldRelease>>> outside = ConcurrentTables.Create<IFieldSymbol, SharedComputation<List<FieldRelease>>>(SymbolEqualityComparer.Default);

    private FieldReleases(AnalysisSession session) => this.session = session;

    public static FieldReleases For(AnalysisSession session) => session.Index(static s => new FieldReleases(s));

    /// <summary>
    /// The releases of <paramref name="field"/> by methods that no module's init or exit calls, in source order. Only the
    /// bodies that pass a member of the field's name to a call that may release it (by name: <see cref="NameMentions.PassedToRelease"/>),
    /// through a receiver that may be of the field's type (<see cref="MemberReferences"/>), and whose method no init or
    /// exit calls are analysed; several threads asking for the same field share the work.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public IReadOnlyList<FieldRelease> OutsideInitAndExit(IFieldSymbol field) =>
        outside.GetOrAdd(field.OriginalDefinition, key => new SharedComputation<List<FieldRelease>>(work => OutsideInitAndExit(key, work))).Value;

    [MethodImpl(Jit.Optimized)]
    private List<FieldRelease> OutsideInitAndExit(IFieldSymbol field, IWorkSharing work)
    {
        var bodies = new List<SyntaxNode>();
        foreach (var (body, _) in NameMentions.For(session).PassedToRelease(field))
        {
            if (bodies.Count == 0 || bodies[bodies.Count - 1] != body)
                bodies.Add(body);
        }
        var result = new List<FieldRelease>();
        foreach (var releases in work.ForEach(bodies, body => ReleasesOutsideInitAndExit(body, field)))
            result.AddRange(releases);
        return result;
    }

    /// <summary>The body's releases of the field, when no module's init or exit calls its method.</summary>
    [MethodImpl(Jit.Optimized)]
    private List<FieldRelease> ReleasesOutsideInitAndExit(SyntaxNode body, IFieldSymbol field)
    {
        var result = new List<FieldRelease>();
        var model = session.Model(body.SyntaxTree);
        if (session.DeclaredMethod(body) is not { } method || ModuleIndex.For(session).InInitOrExit(method))
            return result;
        List<(IFieldSymbol Field, int Position, IOperation Value)>? assignments = null;
        foreach (var release in PointerFacts.For(session, method).Log.Releases)
        {
            if (release.Holder is not { Symbol: IFieldSymbol released } || !SymbolEqualityComparer.Default.Equals(released.OriginalDefinition, field))
                continue;
            assignments ??= Assignments(model, body, field.Name);
            var end = release.Call.Syntax.Span.End;
            var after = assignments.Exists(a => SymbolEqualityComparer.Default.Equals(a.Field, field) && a.Position > end);
            result.Add(new FieldRelease(method, release, after));
        }
        return result;
    }

    /// <summary>Whether any method assigns the field a value other than NULL.</summary>
    public bool IsAssigned(IFieldSymbol field) =>
        assigned.GetOrAdd(field.OriginalDefinition, key => new Lazy<bool>(() => CollectAssigned(key))).Value;

    private bool CollectAssigned(IFieldSymbol field)
    {
        foreach (var body in NameMentions.For(session).Assigning(field))
        {
            var model = session.Model(body.SyntaxTree);
            if (body is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
            {
                if (SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator)?.OriginalDefinition, field)
                    && model.GetOperation(body) is IFieldInitializerOperation { Value: { } value } && !IsNull(value))
                    return true;
                continue;
            }
            if (Assignments(model, body, field.Name).Exists(a => SymbolEqualityComparer.Default.Equals(a.Field, field) && !IsNull(a.Value)))
                return true;
        }
        return false;
    }

    /// <summary>The assignments of a body to fields of this name, with their positions and values (only those assignments are bound).</summary>
    private static List<(IFieldSymbol Field, int Position, IOperation Value)> Assignments(SemanticModel model, SyntaxNode body, string name)
    {
        var result = new List<(IFieldSymbol, int, IOperation)>();
        foreach (var node in body.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: var left } assignment && NameMentions.AssignedName(left) == name
                && model.GetOperation(assignment) is ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } operation)
                result.Add((target.Field.OriginalDefinition, assignment.SpanStart, operation.Value));
        }
        return result;
    }

    private bool IsNull(IOperation value)
    {
        while (value is IConversionOperation conversion)
            value = conversion.Operand;
        return value switch
        {
            { ConstantValue: { HasValue: true, Value: null or 0 or 0L or 0UL } } or IDefaultValueOperation => true,
            IFieldReferenceOperation field => session.Contract.IsNullPointer(field.Field),
            _ => false,
        };
    }
}
