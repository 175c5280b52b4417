using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Context;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
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
        var classifier = new SleepClassifier(session.Contract, new GfpEvaluator(session.Contract.Gfp));
        context.RegisterOperationBlockAction(block => BlockCalls.ForEach(session, block, (session, findings, classifier),
            static (block, call, state) => Report(block, call.Call, call.Contract, state.session, state.findings, state.classifier)));
    }

    // The whole-compilation findings are asked for only when this call may be one: the walk behind them binds the
    // handlers ahead of the compiler, and a driver's first bodies (a handler allocating with GFP_ATOMIC, a work
    // function taking a mutex) would otherwise start it before the compiler has compiled anything.
    [MethodImpl(Jit.Optimized)]
    private static void Report(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, AnalysisSession session, SleepInAtomicFindings findings, SleepClassifier classifier)
    {
        if (!classifier.MayBeFinding(call, contract, session) || !AtomicCandidates.For(session).MayHoldFinding(call.Syntax)
            || findings.At(call.Syntax) is not { } finding)
            return;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.KMEM001,
            call.Syntax.GetLocation(),
            GfpRewriteProperties.Of(finding.GfpRewrites),
            finding.What, finding.Why, finding.Chain));
    }
}
