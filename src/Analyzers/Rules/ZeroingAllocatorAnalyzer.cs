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
/// KMEM013: an allocation with a <c>ZeroingVariant</c>, stored by a statement of its own, whose
/// next statements are at most NULL tests that leave (without touching the pointer or assigning
/// anything) and then <c>memset(p, 0, n)</c> with <c>n</c> the allocation's size (the same
/// constant, the same expression, or count times size for an array allocator). Allocators without
/// a size parameter (a slab cache's objects) are not judged: the object size is not in sight.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ZeroingAllocatorAnalyzer : KmemAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM013);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
    {
        var tools = new RuleToolkit(session);
        context.RegisterOperationBlockAction(block => BlockCalls.ForEach(session, block, tools,
            static (block, call, tools) => Analyze(block, call.Call, call.Contract, tools)));
    }

    private static void Analyze(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, RuleToolkit tools)
    {
        if (contract.Allocation is not { ZeroingVariant: { } variantName, Zeroes: false } || contract.SizeParameter < 0
            || AlreadyZeroing(call, contract, tools)
            || StoredAllocation.Of(call) is not { } stored
            || FindMemset(stored, tools) is not { } memset
            || !CoversAllocation(CallContract.Argument(memset, 2), call, contract, tools))
            return;

        var plan = new FixPlan();
        if (RuntimeFunctions.SameShapeVariant(call.TargetMethod, variantName) is { } variant)
            plan.Rename(call.Syntax, variant.Name).Remove(memset.Parent!.Syntax);
        context.ReportDiagnostic(plan.Report(Descriptors.KMEM013, call.Syntax.GetLocation(), call.TargetMethod.Name, variantName));
    }

    private static bool AlreadyZeroing(IInvocationOperation call, CallContract contract, RuleToolkit tools) =>
        tools.Constants.TryEvaluate(CallContract.Argument(call, contract.GfpParameter), out var mask)
        && ((ulong)mask & tools.Contract.Gfp.Zero) != 0;

    /// <summary>The <c>memset(p, 0, …)</c> statement reached after only NULL tests of p that leave, or null.</summary>
    private static IInvocationOperation? FindMemset(StoredAllocation stored, RuleToolkit tools)
    {
        for (var offset = 1; stored.Next(offset) is { } statement; offset++)
        {
            if (statement is IExpressionStatementOperation { Operation: IInvocationOperation call }
                && tools.Runtime.IsMemset(call.TargetMethod))
            {
                return stored.IsStorage(CallContract.Argument(call, 0))
                    && tools.Constants.TryEvaluate(CallContract.Argument(call, 1), out var fill) && fill == 0
                    ? call : null;
            }
            if (!IsLeavingNullTest(statement, stored, tools))
                return null;
        }
        return null;
    }

    private static bool IsLeavingNullTest(IOperation statement, StoredAllocation stored, RuleToolkit tools)
    {
        if (statement is not IConditionalOperation { WhenFalse: null } test
            || !stored.IsStorage(tools.Nulls.NullTested(test.Condition))
            || stored.IsMentionedIn(test.WhenTrue))
            return false;
        var last = test.WhenTrue is IBlockOperation { Operations: { Length: > 0 } operations } ? operations[operations.Length - 1] : test.WhenTrue;
        if (last is not (IReturnOperation or IBranchOperation))
            return false;
        foreach (var descendant in test.WhenTrue.DescendantsAndSelf())
        {
            if (descendant is IAssignmentOperation or IIncrementOrDecrementOperation)
                return false;
        }
        return true;
    }

    /// <summary>Whether the memset length is the allocation's whole size.</summary>
    private static bool CoversAllocation(IOperation? length, IInvocationOperation call, CallContract contract, RuleToolkit tools)
    {
        var size = CallContract.Argument(call, contract.SizeParameter);
        if (contract.CountParameter < 0)
            return SameValue.Of(size, length, tools.Constants);
        var count = CallContract.Argument(call, contract.CountParameter);
        if (tools.Constants.TryEvaluate(count, out var n) && tools.Constants.TryEvaluate(size, out var s)
            && tools.Constants.TryEvaluate(length, out var total))
            return n * s == total;
        return length is not null && Storage.Unwrap(length) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null } product
            && ((SameValue.Of(count, product.LeftOperand, tools.Constants) && SameValue.Of(size, product.RightOperand, tools.Constants))
                || (SameValue.Of(count, product.RightOperand, tools.Constants) && SameValue.Of(size, product.LeftOperand, tools.Constants)));
    }
}
