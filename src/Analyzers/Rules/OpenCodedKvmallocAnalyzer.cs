using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Rules.Patterns;
using Kmem.Analyzers.Rules.Plans;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM015: <c>p = kmalloc(size, flags); if (!p) p = vmalloc(size);</c>: a kmalloc-family allocator
/// with a <c>LargeVariant</c>, stored by a statement of its own, immediately followed by a NULL test
/// whose only statement stores a vmalloc-family allocation of the same size (and count) in the same
/// variable, both zeroing or neither. The fix (the variant, the test removed, releases renamed to one
/// that accepts the variant's family) is offered only when the flags allow direct reclaim (else
/// kvmalloc never falls back) and the pointer is a local confined to the method, so that all its
/// releases are in sight.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpenCodedKvmallocAnalyzer : KmemAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM015);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
    {
        var tools = new RuleToolkit(session);
        context.RegisterOperationBlockAction(block => BlockCalls.ForEach(session, block, tools,
            static (block, call, tools) => Analyze(block, call.Call, call.Contract, tools)));
    }

    private static void Analyze(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, RuleToolkit tools)
    {
        if (contract.Allocation is not { Family: MemoryFamily.Kmalloc, LargeVariant: { } variantName } allocation
            || StoredAllocation.Of(call) is not { } stored
            || stored.Next() is not IConditionalOperation { WhenFalse: null } test
            || !stored.IsStorage(tools.Nulls.NullTested(test.Condition))
            || Fallback(test.WhenTrue, stored) is not { } fallback)
            return;
        var fallbackContract = tools.Contract.Of(fallback.TargetMethod);
        if (fallbackContract.Allocation is not { Family: MemoryFamily.Vmalloc } fallbackAllocation
            || fallbackAllocation.Zeroes != allocation.Zeroes
            || !SameSize(call, contract, fallback, fallbackContract, tools))
            return;

        var variant = RuntimeFunctions.SameShapeVariant(call.TargetMethod, variantName);
        var plan = MayFallBack(call, contract, tools) ? LargeVariantPlan.For(call, variant, tools, fallback)?.Remove(test.Syntax) : null;
        context.ReportDiagnostic((plan ?? new FixPlan()).Report(Descriptors.KMEM015, call.Syntax.GetLocation(),
            call.TargetMethod.Name, fallback.TargetMethod.Name, variantName));
    }

    /// <summary>The allocation stored in the same variable by the test's only statement, or null.</summary>
    private static IInvocationOperation? Fallback(IOperation body, StoredAllocation stored)
    {
        var statement = body is IBlockOperation { Operations.Length: 1 } block ? block.Operations[0] : body;
        return statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
            && stored.IsStorage(assignment.Target)
            && Storage.Unwrap(assignment.Value) is IInvocationOperation fallback
            ? fallback : null;
    }

    private static bool SameSize(IInvocationOperation first, CallContract firstContract, IInvocationOperation second, CallContract secondContract, RuleToolkit tools)
    {
        if ((firstContract.CountParameter < 0) != (secondContract.CountParameter < 0))
            return false;
        return SameValue.Of(CallContract.Argument(first, firstContract.SizeParameter), CallContract.Argument(second, secondContract.SizeParameter), tools.Constants)
            && (firstContract.CountParameter < 0
                || SameValue.Of(CallContract.Argument(first, firstContract.CountParameter), CallContract.Argument(second, secondContract.CountParameter), tools.Constants));
    }

    /// <summary>Whether the flags allow direct reclaim, without which kvmalloc does not fall back to vmalloc.</summary>
    private static bool MayFallBack(IInvocationOperation call, CallContract contract, RuleToolkit tools) =>
        tools.Constants.TryEvaluate(CallContract.Argument(call, contract.GfpParameter), out var mask)
        && tools.Contract.Gfp.MayReclaim((ulong)mask);
}
