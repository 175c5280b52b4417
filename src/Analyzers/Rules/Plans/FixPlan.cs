using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Rules.Plans;

/// <summary>
/// The edits a code fix will make, decided by the analyzer (which knows when they are safe) and
/// carried by the diagnostic: each edit is an additional location plus a property keyed by its
/// index, <c>kind:argument</c>. A diagnostic without edits offers no fix.
/// </summary>
internal sealed class FixPlan
{
    /// <summary>Rename the invoked function; the argument is the new name.</summary>
    public const string RenameCallee = "rename";
    /// <summary>Remove the statement.</summary>
    public const string RemoveStatement = "remove";
    /// <summary>Remove the operand from the binary (<c>|</c>) expression it is part of.</summary>
    public const string DropOperand = "drop";

    /// <summary>Call the array variant instead; the argument is <c>name;a,b,…</c>, each argument being <c>L</c> or <c>R</c> (an operand of the size's multiplication) or the ordinal of an argument of the original call.</summary>
    public const string ArrayCall = "array";

    private readonly List<Location> locations = new();
    private readonly ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>();

    public FixPlan Rename(SyntaxNode invocation, string name) => Add(invocation, RenameCallee, name);

    public FixPlan Remove(SyntaxNode statement) => Add(statement, RemoveStatement, string.Empty);

    public FixPlan CallArray(SyntaxNode invocation, string name, IEnumerable<string> arguments) =>
        Add(invocation, ArrayCall, name + ";" + string.Join(",", arguments));

    public FixPlan Drop(SyntaxNode operand) => Add(operand, DropOperand, string.Empty);

    /// <summary>The diagnostic at <paramref name="location"/> carrying the edits.</summary>
    public Diagnostic Report(DiagnosticDescriptor descriptor, Location location, params object[] messageArguments) =>
        Diagnostic.Create(descriptor, location, locations, properties.ToImmutable(), messageArguments);

    /// <summary>The edits a diagnostic carries, in order.</summary>
    public static IEnumerable<(Location Location, string Kind, string Argument)> Read(Diagnostic diagnostic)
    {
        for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
        {
            if (!diagnostic.Properties.TryGetValue(Key(i), out var value) || value is null)
                continue;
            var colon = value.IndexOf(':');
            yield return (diagnostic.AdditionalLocations[i], value.Substring(0, colon), value.Substring(colon + 1));
        }
    }

    private FixPlan Add(SyntaxNode node, string kind, string argument)
    {
        properties[Key(locations.Count)] = kind + ":" + argument;
        locations.Add(node.GetLocation());
        return this;
    }

    private static string Key(int index) => index.ToString(CultureInfo.InvariantCulture);
}
