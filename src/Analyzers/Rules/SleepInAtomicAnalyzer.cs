using System.Collections.Immutable;
using Kmem.Analyzers.Context;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM001: something that may sleep, reached in atomic context through any chain of calls in the
/// compilation. The whole-compilation work is done once in <see cref="SleepInAtomicFindings"/>;
/// each invocation only looks its finding up.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SleepInAtomicAnalyzer : KmemAnalyzer
{

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM001);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
    {
        var findings = SleepInAtomicFindings.For(session);
        context.RegisterOperationAction(operation => Report(operation, session, findings), OperationKind.Invocation);
    }

    private static void Report(OperationAnalysisContext context, AnalysisSession session, SleepInAtomicFindings findings)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!MaySleep(call, session) || findings.At(call.Syntax) is not { } finding)
            return;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.KMEM001,
            call.Syntax.GetLocation(),
            GfpRewriteProperties.Of(finding.GfpRewrites),
            finding.What, finding.Why, finding.Chain));
    }

    /// <summary>The cheap filter: only a contract sleeper, an allocator or a source method (a possible wrapper) can be a finding.</summary>
    private static bool MaySleep(IInvocationOperation call, AnalysisSession session)
    {
        var contract = session.Contract.Of(call.TargetMethod);
        return contract.MightSleep || contract.GfpParameter >= 0 || !session.Declarations(call.TargetMethod.OriginalDefinition).IsEmpty;
    }
}
