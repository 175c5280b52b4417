using System.Collections.Generic;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Infrastructure;
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
/// The other half of the field index: for every field, which methods release it (from their pointer facts' release
/// events) and whether they set it after, and which fields are ever assigned something other than NULL.
/// </summary>
internal sealed class FieldReleases
{
    private static readonly IReadOnlyList<FieldRelease> None = new List<FieldRelease>();

    private readonly Dictionary<IFieldSymbol, List<FieldRelease>> releases = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IFieldSymbol> assigned = new(SymbolEqualityComparer.Default);

    public IReadOnlyList<FieldRelease> Of(IFieldSymbol field) => releases.TryGetValue(field.OriginalDefinition, out var known) ? known : None;

    /// <summary>Whether any method assigns the field a value other than NULL.</summary>
    public bool IsAssigned(IFieldSymbol field) => assigned.Contains(field.OriginalDefinition);

    public static FieldReleases For(AnalysisSession session) => session.Index(() => Build(session));

    private static FieldReleases Build(AnalysisSession session)
    {
        var index = new FieldReleases();
        foreach (var tree in session.Compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not BaseMethodDeclarationSyntax declaration || session.Model(tree).GetDeclaredSymbol(declaration) is not IMethodSymbol method
                    || session.Graph(method) is not { } graph)
                    continue;
                var assignments = Assignments(session, graph.OriginalOperation, index.assigned);
                foreach (var release in PointerFacts.For(session, method).Log.Releases)
                {
                    if (release.Holder is not { Symbol: IFieldSymbol field })
                        continue;
                    var end = release.Call.Syntax.Span.End;
                    var after = assignments.Exists(a => SymbolEqualityComparer.Default.Equals(a.Field, field) && a.Position > end);
                    if (!index.releases.TryGetValue(field.OriginalDefinition, out var list))
                        index.releases[field.OriginalDefinition] = list = new List<FieldRelease>();
                    list.Add(new FieldRelease(method, release, after));
                }
            }
        }
        return index;
    }

    /// <summary>The field assignments of a body; records the fields assigned something other than NULL.</summary>
    private static List<(IFieldSymbol Field, int Position)> Assignments(AnalysisSession session, IOperation body, HashSet<IFieldSymbol> assigned)
    {
        var result = new List<(IFieldSymbol, int)>();
        foreach (var operation in body.Descendants())
        {
            if (operation is not ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment)
                continue;
            result.Add((target.Field.OriginalDefinition, assignment.Syntax.SpanStart));
            if (!IsNull(session, assignment.Value))
                assigned.Add(target.Field.OriginalDefinition);
        }
        return result;
    }

    private static bool IsNull(AnalysisSession session, IOperation value)
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
