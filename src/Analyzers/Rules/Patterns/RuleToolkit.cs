using Kmem.Analyzers.Constants;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>What the rules of one compilation share: the contract, constants, NULL tests and runtime functions.</summary>
internal sealed class RuleToolkit
{
    public RuleToolkit(AnalysisSession session)
    {
        Contract = session.Contract;
        Constants = new ConstantEvaluator(session);
        Nulls = new NullTests(session.Contract);
        Runtime = new RuntimeFunctions(session.Contract);
    }

    public KernelContract Contract { get; }
    public ConstantEvaluator Constants { get; }
    public NullTests Nulls { get; }
    public RuntimeFunctions Runtime { get; }
}
