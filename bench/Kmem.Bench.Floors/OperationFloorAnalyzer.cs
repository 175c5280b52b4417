using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Bench.Floors;

/// <summary>The floor of any IOperation analyzer: asks for every body's operations and does nothing with them.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperationFloorAnalyzer : FloorAnalyzer
{
    public OperationFloorAnalyzer()
        : base("FLOOR")
    {
    }

    private protected override void Register(AnalysisContext context) => context.RegisterOperationBlockAction(_ => { });
}
