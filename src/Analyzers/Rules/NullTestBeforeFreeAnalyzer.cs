using System.Collections.Immutable;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Rules.Patterns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM014: <c>if (p != NULL) release(p);</c> (also <c>!!p</c>, <c>NULL != p</c>, <c>addr != 0</c>,
/// braces around the call) where the release's contract accepts NULL, and the if has no else and
/// does nothing else. As Coccinelle's ifnullfree, a body that does more (<c>kfree(p); p = NULL;</c>)
/// is left alone, and so is <c>IS_ERR_OR_NULL</c>, which also guards against error pointers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NullTestBeforeFreeAnalyzer : KmemAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM014);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session)
    {
        var tools = new RuleToolkit(session);
        context.RegisterOperationBlockAction(block => BlockOperations.ForEach(block, OperationKind.Conditional, tools,
            static (block, operation, tools) => Analyze(block, (IConditionalOperation)operation, tools)));
    }

    private static void Analyze(OperationBlockAnalysisContext context, IConditionalOperation test, RuleToolkit tools)
    {
        if (test is not { WhenFalse: null, Syntax: IfStatementSyntax syntax }
            || tools.Nulls.NonNullTested(test.Condition) is not { } tested
            || OnlyStatement(test.WhenTrue) is not IExpressionStatementOperation { Operation: IInvocationOperation release })
            return;
        var contract = tools.Contract.Of(release.TargetMethod);
        if (contract.Release is not { AcceptsNull: true } || !Storage.Same(CallContract.Argument(release, contract.FreedParameter), tested))
            return;
        var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.IfKeyword.SpanStart, syntax.CloseParenToken.Span.End));
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM014, location, release.TargetMethod.Name));
    }

    private static IOperation? OnlyStatement(IOperation body) => body switch
    {
        IBlockOperation { Operations.Length: 1 } block => block.Operations[0],
        IBlockOperation => null,
        _ => body,
    };
}
