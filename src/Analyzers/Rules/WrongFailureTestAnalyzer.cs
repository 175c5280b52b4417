using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Checks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM005: a failure test that cannot see the failure of what it tests: <c>IS_ERR</c> on an allocation that
/// fails with NULL (or 0), or a NULL test on one that fails with an error pointer. Read from the engine's test events.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WrongFailureTestAnalyzer : PointerFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM005);

    [MethodImpl(Jit.Optimized)]
    private protected override void Report(OperationBlockAnalysisContext context, AnalysisSession session, PointerFacts facts, SyntaxNode body)
    {
        foreach (var test in facts.Log.Tests)
        {
            if (test.Kind == TestKind.ErrPtrOrNull || Blind(facts, test) is not { } site || Tested(session, test.Test) is not { } tested)
                continue;
            var toNull = test.Kind == TestKind.ErrPtr;
            var pointer = Unconverted(tested);
            var text = pointer.Syntax.ToString();
            var failsWith = toNull ? FailureKind.Null : FailureKind.ErrPtr;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(CheckProperties.Direction, toNull ? CheckProperties.ToNull : CheckProperties.ToErrPtr)
                .Add(CheckProperties.Test, FailureText.Failed(session, text, pointer.Type, failsWith))
                .Add(CheckProperties.Untest, toNull ? FailureText.NullComparison(session, text, pointer.Type, "!=") : $"!IS_ERR({text})")
                .Add(CheckProperties.Errno, FailureText.Error(text, failsWith))
                .Add(CheckProperties.Pointer, tested.Syntax.ToString());
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM005, test.Test.Syntax.GetLocation(), properties,
                toNull ? ((IInvocationOperation)test.Test).TargetMethod.Name : $"'{test.Test.Syntax}'",
                site.Allocator,
                toNull ? "an error pointer" : "NULL",
                toNull ? (pointer.Type?.SpecialType == SpecialType.System_UInt64 || site.Family == MemoryFamily.PageAddress ? "0" : "NULL") : "an error pointer"));
        }
    }

    /// <summary>The allocation the test cannot see fail, when every allocation it may test is one.</summary>
    private static AllocationSite? Blind(PointerFacts facts, TestEvent test)
    {
        AllocationSite? first = null;
        foreach (var site in facts.SitesIn(test.Sites))
        {
            if (site.IsParameter)
                return null;
            var blind = test.Kind == TestKind.ErrPtr ? site.FailsWith == FailureKind.Null : site.FailsWith == FailureKind.ErrPtr;
            if (!blind)
                return null;
            first ??= site;
        }
        return first;
    }

    /// <summary>The value a failure test tests.</summary>
    private static IOperation? Tested(AnalysisSession session, IOperation test) => test switch
    {
        IInvocationOperation { Arguments.Length: 1 } call => call.Arguments[0].Value,
        IUnaryOperation unary => unary.Operand,
        IBinaryOperation binary => NullLike(session, binary.RightOperand) ? binary.LeftOperand : binary.RightOperand,
        IIsPatternOperation pattern => pattern.Value,
        IIsNullOperation isNull => isNull.Operand,
        _ => null,
    };

    private static bool NullLike(AnalysisSession session, IOperation operation) =>
        Unconverted(operation) switch
        {
            { ConstantValue.HasValue: true } or IDefaultValueOperation => true,
            IFieldReferenceOperation field => session.Contract.IsNullPointer(field.Field),
            IPropertyReferenceOperation property => session.Contract.IsNullPointer(property.Property),
            _ => false,
        };

    private static IOperation Unconverted(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        return operation;
    }
}
