using System.Collections.Immutable;
using System.Globalization;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Rules.Patterns;
using Kmem.Analyzers.Rules.Plans;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM011: GFP flags the allocator does not accept, decided from its family: zone modifiers the
/// slab allocator rejects (<c>__GFP_HIGHMEM</c>, <c>__GFP_DMA32</c>) for kmalloc and slab objects,
/// <c>__GFP_HIGHMEM</c> for page addresses (lowmem only), any zone modifier for kvmalloc (whose
/// vmalloc fallback supports none); <c>GFP_KERNEL</c> OR-ed with <c>GFP_ATOMIC</c>;
/// <c>__GFP_NOFAIL</c> with an order above 1. Only constant masks are judged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BadGfpFlagsAnalyzer : KmemAnalyzer
{
    /// <summary>The kernel warns for <c>__GFP_NOFAIL</c> above this order (mm/page_alloc.c, rmqueue).</summary>
    private const long MaxNoFailOrder = 1;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM011);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
    {
        var tools = new RuleToolkit(session);
        context.RegisterOperationBlockAction(block => BlockCalls.ForEach(session, block, tools,
            static (block, call, tools) => Analyze(block, call.Call, call.Contract, tools)));
    }

    private static void Analyze(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, RuleToolkit tools)
    {
        if (contract.Allocation is not { } allocation || CallContract.Argument(call, contract.GfpParameter) is not { } argument)
            return;
        var gfp = tools.Contract.Gfp;
        var operands = GfpOperands.Of(argument);
        var name = call.TargetMethod.Name;

        if (HasOperandOfValue(operands, gfp.Kernel, tools) && HasOperandOfValue(operands, gfp.Atomic, tools))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM011, argument.Syntax.GetLocation(),
                $"{name} is given GFP_KERNEL | GFP_ATOMIC: the mask may sleep and dips into the atomic reserves; choose one"));

        if (!tools.Constants.TryEvaluate(argument, out var value))
            return;
        var mask = (ulong)value;
        var rejected = mask & Rejected(allocation.Family, gfp);
        if (rejected != 0)
        {
            var message = $"{name} does not accept {GfpOperands.Names(gfp.Type, rejected)}: {Reason(allocation.Family)}";
            var plan = DropPlan(operands, rejected, tools) ?? new FixPlan();
            context.ReportDiagnostic(plan.Report(Descriptors.KMEM011, argument.Syntax.GetLocation(), message));
        }
        if ((mask & gfp.NoFail) != 0 && Order(call, contract, allocation, tools) is { } order && order > MaxNoFailOrder)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM011, argument.Syntax.GetLocation(),
                $"{name} is given __GFP_NOFAIL with order {order.ToString(CultureInfo.InvariantCulture)}: the page allocator warns for __GFP_NOFAIL above order {MaxNoFailOrder.ToString(CultureInfo.InvariantCulture)}"));
    }

    /// <summary>The flags the family rejects: the slab allocator's bug mask, lowmem for page addresses, no zones for vmalloc.</summary>
    private static ulong Rejected(MemoryFamily family, GfpLayout gfp) => family switch
    {
        MemoryFamily.Kmalloc or MemoryFamily.SlabObject => gfp.Highmem | gfp.Dma32,
        MemoryFamily.PageAddress => gfp.Highmem,
        MemoryFamily.Kvmalloc => gfp.ZoneMask,
        _ => 0,
    };

    private static string Reason(MemoryFamily family) => family switch
    {
        MemoryFamily.PageAddress => "it returns a kernel address, which high memory does not have",
        MemoryFamily.Kvmalloc => "its vmalloc fallback supports no zone modifiers",
        _ => "the slab allocator serves no such zone",
    };

    private static long? Order(IInvocationOperation call, CallContract contract, AllocationContract allocation, RuleToolkit tools)
    {
        if (contract.OrderParameter < 0)
            return allocation.FixedOrder >= 0 ? allocation.FixedOrder : null;
        return tools.Constants.TryEvaluate(CallContract.Argument(call, contract.OrderParameter), out var order) ? order : null;
    }

    private static bool HasOperandOfValue(ImmutableArray<IOperation> operands, ulong expected, RuleToolkit tools)
    {
        foreach (var operand in operands)
        {
            if (expected != 0 && tools.Constants.TryEvaluate(operand, out var value) && (ulong)value == expected)
                return true;
        }
        return false;
    }

    /// <summary>Drops the operands made only of rejected bits, when the others carry none and at least one remains.</summary>
    private static FixPlan? DropPlan(ImmutableArray<IOperation> operands, ulong rejected, RuleToolkit tools)
    {
        var plan = new FixPlan();
        var kept = 0;
        foreach (var operand in operands)
        {
            if (!tools.Constants.TryEvaluate(operand, out var value))
                return null;
            var bits = (ulong)value;
            if ((bits & rejected) == 0)
                kept++;
            else if ((bits & ~rejected) == 0)
                plan.Drop(operand.Syntax);
            else
                return null;
        }
        return kept > 0 ? plan : null;
    }
}
