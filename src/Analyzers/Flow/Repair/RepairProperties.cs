namespace Kmem.Analyzers.Flow.Repair;

/// <summary>The diagnostic properties through which the analyzers hand a ready-made repair to the code fixes.</summary>
internal static class RepairProperties
{
    /// <summary>What the fix does: <see cref="Redirect"/>, <see cref="Insert"/> or <see cref="Replace"/>.</summary>
    public const string Kind = "Kmem.Repair";
    /// <summary>Point the goto at the additional location to the label in <see cref="Label"/>.</summary>
    public const string Redirect = "redirect";
    /// <summary>Insert the statement in <see cref="Code"/> before the statement at the additional location.</summary>
    public const string Insert = "insert";
    /// <summary>Replace the expression at the diagnostic's location with <see cref="Code"/>.</summary>
    public const string Replace = "replace";

    public const string Label = "Kmem.Label";
    public const string Code = "Kmem.Code";
}
