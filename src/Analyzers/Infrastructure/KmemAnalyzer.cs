using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// Base of every KMEM analyzer: concurrent, skips generated code, and registers nothing at all when
/// the compilation does not reference the Kmem runtime.
/// </summary>
public abstract class KmemAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (AnalysisSession.For(start.Compilation) is { } session)
                OnKmemCompilationStart(start, session);
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references the Kmem runtime.</summary>
    private protected abstract void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session);
}
