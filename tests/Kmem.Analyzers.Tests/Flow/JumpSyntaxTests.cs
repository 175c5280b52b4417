using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>The jump statement behind a graph edge, found from the syntax its source block ends with.</summary>
public sealed class JumpSyntaxTests
{
    [Fact]
    public async Task The_jump_after_a_statement_is_found_wherever_the_statement_stands_in_a_long_block()
    {
        const int Segments = 60;
        var body = new StringBuilder();
        for (var i = 0; i < Segments; i++)
            body.Append($"        if (n == {i})\n            goto out{i};\n        count += {i};\n        goto out{i};\n    out{i}:\n        count++;\n");
        var compilation = await KmemCompilationFactory.CreateValidAsync("Jumps", $$"""
            static class M
            {
                static int f(int n)
                {
                    int count = 0;
            {{body}}
                    return count;
                }
            }
            """);
        var graph = GraphOfTheMethod(compilation);

        var found = 0;
        foreach (var block in graph.Blocks)
        {
            if (block.Operations.LastOrDefault()?.Syntax is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: LiteralExpressionSyntax segment } })
                continue;
            var jump = Assert.IsType<GotoStatementSyntax>(JumpSyntax.Of(block, condition: null));
            Assert.Equal($"out{segment.Token.ValueText}", ((IdentifierNameSyntax)jump.Expression!).Identifier.ValueText);
            found++;
        }
        Assert.Equal(Segments, found);
    }

    [Fact]
    public async Task A_statement_followed_by_a_label_or_by_nothing_has_no_jump()
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("NoJumps", """
            static class M
            {
                static int f(int n)
                {
                    int count = 0;
                    count += 1;
                again:
                    count += 2;
                    if (count < n)
                        goto again;
                    count += 3;
                    return count;
                }
            }
            """);
        var graph = GraphOfTheMethod(compilation);

        var first = graph.Blocks.Single(b => b.Operations.Any(o => o.Syntax.ToString() == "count += 1;"));
        Assert.Null(JumpSyntax.Of(first, condition: null));
        var third = graph.Blocks.Single(b => b.Operations.Any(o => o.Syntax.ToString() == "count += 3;"));
        Assert.IsType<ReturnStatementSyntax>(JumpSyntax.Of(third, condition: null));
    }

    private static ControlFlowGraph GraphOfTheMethod(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        return ControlFlowGraph.Create((IMethodBodyOperation)compilation.GetSemanticModel(tree).GetOperation(method)!);
    }
}
