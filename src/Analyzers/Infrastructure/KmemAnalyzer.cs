using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>
/// The base of every KMEM analyzer: analyses concurrently, skips generated code, and runs the rule
/// only in compilations that reference the Kmem runtime, so code without Kmem costs nothing and
/// is never reported.
/// </summary>
public abstract class KmemAnalyzer : DiagnosticAnalyzer
{
    /// <summary>A type every Kmem runtime has; its absence means the compilation does not use Kmem.</summary>
    private const string RuntimeMarkerType = "Kmem.AllocatesAttribute";

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(RuntimeMarkerType) is null)
                return;
            OnKmemCompilationStart(start);
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references the Kmem runtime.</summary>
    protected abstract void OnKmemCompilationStart(CompilationStartAnalysisContext context);
}
