using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Context;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Context;

/// <summary>Builds the context model of one source compiled against the Kmem runtime, the way KMEM001 does, step by step.</summary>
internal sealed class ContextFixture
{
    private ContextFixture(AnalysisSession session, CallGraph graph)
    {
        Session = session;
        Graph = graph;
    }

    public AnalysisSession Session { get; }

    public CallGraph Graph { get; }

    public static async Task<ContextFixture> CreateAsync(string source)
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("Context", source);
        var session = AnalysisSession.For(compilation);
        Assert.NotNull(session);
        return new ContextFixture(session!, new CallGraphBuilder(session!).Build());
    }

    public GfpEvaluator Evaluator => new(Session.Contract.Gfp);

    public MethodNode Node(string name) => Graph.Nodes.Single(n => n.Name == name);

    /// <summary>Runs the summaries, the classification and the propagation, as the findings do.</summary>
    public ContextFixture Propagate()
    {
        GfpForwarding.Compute(Graph, Session.Contract, Evaluator);
        var classifier = new SleepClassifier(Session.Contract, Evaluator);
        foreach (var node in Graph.Nodes)
        {
            foreach (var call in node.Calls)
                call.Sleep = classifier.Classify(call, node);
        }
        AtomicPropagation.Run(Graph, Session.Contract);
        return this;
    }
}
