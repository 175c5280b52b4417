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
/// KMEM010: a size or order that is constant and cannot succeed: a size (or element count) that is
/// negative or zero, a size above the allocator's <c>MaxSize</c>, an order (of an allocation or a
/// release) that is negative or above the runtime's <c>MAX_PAGE_ORDER</c>, <c>get_order</c> of a
/// size that is not positive. Only what constants prove is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BadSizeOrOrderAnalyzer : KmemAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM010);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
    {
        var tools = new RuleToolkit(session);
        context.RegisterOperationBlockAction(block => BlockCalls.ForEach(session, block, tools,
            static (block, call, tools) => Analyze(block, call.Call, call.Contract, tools)));
    }

    private static void Analyze(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, RuleToolkit tools)
    {
        if (tools.Constants.Kernel.IsGetOrder(call.TargetMethod))
        {
            CheckGetOrder(context, call, tools);
            return;
        }
        if (contract.Allocation is { } allocation)
            CheckSize(context, call, contract, allocation, tools);
        if (contract.Allocation is not null || contract.Release is not null)
            CheckOrder(context, call, contract, tools);
    }

    private static void CheckGetOrder(OperationBlockAnalysisContext context, IInvocationOperation call, RuleToolkit tools)
    {
        if (call.Arguments.Length == 1 && tools.Constants.TryEvaluate(call.Arguments[0].Value, out var size) && size <= 0)
            Report(context, call.Syntax, $"get_order({Number(size)}) is undefined: get_order takes a size in bytes, which must be positive");
    }

    private static void CheckSize(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, AllocationContract allocation, RuleToolkit tools)
    {
        var name = call.TargetMethod.Name;
        var sizeArgument = CallContract.Argument(call, contract.SizeParameter);
        var countArgument = CallContract.Argument(call, contract.CountParameter);
        var knownSize = tools.Constants.TryEvaluate(sizeArgument, out var size);
        var knownCount = tools.Constants.TryEvaluate(countArgument, out var count);

        if (knownCount && count <= 0)
        {
            Report(context, countArgument!.Syntax, $"{name} is asked for {Number(count)} elements: {Problem(count)}");
            return;
        }
        if (knownSize && size <= 0)
        {
            Report(context, sizeArgument!.Syntax, $"{name} is asked for {Number(size)} bytes: {Problem(size)}");
            return;
        }
        if (!knownSize || allocation.MaxSize <= 0 || (countArgument is not null && !knownCount))
            return;

        var total = countArgument is null ? size : Product(count, size);
        if (total <= allocation.MaxSize)
            return;
        var variant = RuntimeFunctions.SameShapeVariant(call.TargetMethod, allocation.LargeVariant);
        var advice = variant is null ? string.Empty : $"; use {variant.Name}";
        var message = $"{name} cannot allocate {Number(total)} bytes: its largest size is {Number(allocation.MaxSize)}{advice}";
        var location = (countArgument is null ? sizeArgument!.Syntax : call.Syntax).GetLocation();
        var plan = LargeVariantPlan.For(call, variant, tools) ?? new FixPlan();
        context.ReportDiagnostic(plan.Report(Descriptors.KMEM010, location, message));
    }

    private static void CheckOrder(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, RuleToolkit tools)
    {
        var argument = CallContract.Argument(call, contract.OrderParameter);
        if (!tools.Constants.TryEvaluate(argument, out var order))
            return;
        var name = call.TargetMethod.Name;
        if (order < 0)
            Report(context, argument!.Syntax, $"{name} is given order {Number(order)}: an order cannot be negative");
        else if (tools.Constants.Kernel.MaxPageOrder is { } max && order > max)
            Report(context, argument!.Syntax, $"{name} is given order {Number(order)}, above MAX_PAGE_ORDER ({Number(max)}): the page allocator serves no such block");
    }

    private static string Problem(long value) =>
        value < 0 ? "a negative size cannot succeed" : "a zero-size allocation returns nothing usable";

    private static long Product(long count, long size)
    {
        try
        {
            return checked(count * size);
        }
        catch (System.OverflowException)
        {
            return long.MaxValue;
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Report(OperationBlockAnalysisContext context, SyntaxNode node, string message) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM010, node.GetLocation(), message));
}
