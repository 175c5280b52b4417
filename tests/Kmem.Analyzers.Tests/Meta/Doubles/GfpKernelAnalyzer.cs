using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Tests.Meta.Doubles;

/// <summary>A stand-in rule for testing the infrastructure: reports every use of Kmem's <c>GFP_KERNEL</c>.</summary>
// A test double, never shipped: the extended analyzer rules and release tracking are for product analyzers.
#pragma warning disable RS1036, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GfpKernelAnalyzer : KmemAnalyzer
{
    public const string Id = "KTEST01";

    public static readonly DiagnosticDescriptor Rule = new(Id, "GFP_KERNEL used", "GFP_KERNEL used", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session) =>
        context.RegisterSyntaxNodeAction(ReportGfpKernel, SyntaxKind.IdentifierName);

    private static void ReportGfpKernel(SyntaxNodeAnalysisContext context)
    {
        var name = (IdentifierNameSyntax)context.Node;
        if (name.Identifier.ValueText != "GFP_KERNEL")
            return;
        if (context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol?.ContainingType?.ToDisplayString() == "Kmem.Kernel")
            context.ReportDiagnostic(Diagnostic.Create(Rule, name.GetLocation()));
    }
}
