using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Rules.Patterns;
using Kmem.Analyzers.Rules.Plans;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM012: the size of an allocator that has an <c>ArrayVariant</c> is a multiplication whose
/// operands are not both constant, so it can overflow and allocate too little. Only a size that is
/// itself the multiplication is reported (not <c>hdr + n * size</c>). The fix calls the variant with
/// the constant operand (the element size) as its size, the other as its count.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpenCodedMultiplicationAnalyzer : KmemAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM012);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
    {
        var tools = new RuleToolkit(session);
        context.RegisterOperationBlockAction(block => BlockCalls.ForEach(session, block, tools,
            static (block, call, tools) => Analyze(block, call.Call, call.Contract, tools)));
    }

    private static void Analyze(OperationBlockAnalysisContext context, IInvocationOperation call, CallContract contract, RuleToolkit tools)
    {
        if (contract.Allocation?.ArrayVariant is not { } variantName || contract.CountParameter >= 0)
            return;
        if (CallContract.Argument(call, contract.SizeParameter) is not { } size
            || Storage.Unwrap(size) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null } product)
            return;
        var leftConstant = tools.Constants.TryEvaluate(product.LeftOperand, out _);
        var rightConstant = tools.Constants.TryEvaluate(product.RightOperand, out _);
        if (leftConstant && rightConstant)
            return;

        var countIsLeft = !leftConstant;
        var plan = Plan(call, contract, variantName, countIsLeft, tools) ?? new FixPlan();
        context.ReportDiagnostic(plan.Report(Descriptors.KMEM012, size.Syntax.GetLocation(),
            call.TargetMethod.Name, product.LeftOperand.Syntax.ToString(), product.RightOperand.Syntax.ToString(), variantName));
    }

    /// <summary>The variant's arguments by role, or null when one of its parameters has no counterpart.</summary>
    private static FixPlan? Plan(IInvocationOperation call, CallContract contract, string variantName, bool countIsLeft, RuleToolkit tools)
    {
        if (HasNamedArguments(call))
            return null;
        foreach (var member in call.TargetMethod.ContainingType.GetMembers(variantName))
        {
            if (member is not IMethodSymbol variant || variant.Parameters.Length != call.TargetMethod.Parameters.Length + 1)
                continue;
            var variantContract = tools.Contract.Of(variant);
            var arguments = new List<string>();
            foreach (var parameter in variant.Parameters)
            {
                if (parameter.Ordinal == variantContract.CountParameter)
                    arguments.Add(countIsLeft ? "L" : "R");
                else if (parameter.Ordinal == variantContract.SizeParameter)
                    arguments.Add(countIsLeft ? "R" : "L");
                else if (parameter.Ordinal == variantContract.GfpParameter && contract.GfpParameter >= 0)
                    arguments.Add(contract.GfpParameter.ToString(CultureInfo.InvariantCulture));
                else
                    break;
            }
            if (arguments.Count == variant.Parameters.Length)
                return new FixPlan().CallArray(call.Syntax, variant.Name, arguments);
        }
        return null;
    }

    private static bool HasNamedArguments(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Syntax is ArgumentSyntax { NameColon: not null } || argument.ArgumentKind != ArgumentKind.Explicit)
                return true;
        }
        return false;
    }
}
