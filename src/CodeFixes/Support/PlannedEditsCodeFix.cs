using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Kmem.CodeFixes.Support;

/// <summary>A code fix that applies the edits its analyzer planned; offers nothing when there are none.</summary>
public abstract class PlannedEditsCodeFix : CodeFixProvider
{
    private protected abstract string DiagnosticId { get; }

    /// <summary>The fix's title, given the name the plan switches the call to (null when it renames nothing).</summary>
    private protected abstract string Title(string? newName);

    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!PlannedEdits.HasEdits(diagnostic))
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title(PlannedEdits.NewName(diagnostic)), cancellation => PlannedEdits.ApplyAsync(context.Document, diagnostic, cancellation), DiagnosticId),
                diagnostic);
        }
        return Task.CompletedTask;
    }
}
