using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>Diagnostics as readable lines for failure messages: <c>file(line,col): ID severity: message</c>.</summary>
public static class DiagnosticListing
{
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(Describe).ToList();
        return lines.Count == 0 ? "  (none)" : string.Join("\n", lines);
    }

    public static string Describe(Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource)
            return $"  {diagnostic.Id} {diagnostic.Severity}: {diagnostic.GetMessage()}";
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string file = System.IO.Path.GetFileName(span.Path);
        return $"  {file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.Severity}: {diagnostic.GetMessage()}";
    }
}
