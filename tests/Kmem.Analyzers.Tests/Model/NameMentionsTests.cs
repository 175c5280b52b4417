using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Kmem.Analyzers.Tests.Model;

/// <summary>The bodies that may assign a field, initializers included, found from the name index.</summary>
public sealed class NameMentionsTests
{
    private const string Source = """
        using Kmem;
        using static Kmem.Kernel;
        class a { public KPtr buf = NULL; public KPtr other; void set() { buf = NULL; } }
        class b { public KPtr buf = NULL; }
        partial class c { public KPtr other; }
        partial class c { public KPtr buf = NULL; }
        class outer
        {
            public KPtr buf = NULL;
            class a { public KPtr buf = NULL; }
        }
        """;

    /// <summary>
    /// Of the initializers of the name, exactly the field's own is kept (a body that assigns the name may be kept for a
    /// same-named member of another type: the caller's analysis tells them apart, so only initializers are checked here).
    /// </summary>
    [Theory]
    [InlineData("a")]
    [InlineData("b")]
    [InlineData("c")]
    [InlineData("outer")]
    [InlineData("outer+a")]
    public async Task OfTheInitializersOfTheNameOnlyTheFieldsOwnIsKept(string type)
    {
        var (field, bodies) = await AssigningAsync(type);
        var initializer = Assert.Single(bodies, body => body is EqualsValueClauseSyntax);
        Assert.Same(field.DeclaringSyntaxReferences.Single().GetSyntax(), initializer.Parent);
    }

    [Fact]
    public async Task AnAssignmentInTheFieldsTypeIsKeptAfterItsInitializer()
    {
        var (_, bodies) = await AssigningAsync("a");
        Assert.Equal(new[] { "= NULL", "set" }, bodies.Select(Describe));
    }

    /// <summary>The field <c>buf</c> of the type (by metadata name) and the bodies the index says may assign it.</summary>
    private static async Task<(IFieldSymbol Field, System.Collections.Generic.IReadOnlyList<SyntaxNode> Bodies)> AssigningAsync(string type)
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("Mentions", Source);
        var field = compilation.GetTypeByMetadataName(type)!.GetMembers("buf").OfType<IFieldSymbol>().Single();
        return (field, NameMentions.For(AnalysisSession.For(compilation)!).Assigning(field));
    }

    private static string Describe(SyntaxNode body) => body is MethodDeclarationSyntax method ? method.Identifier.ValueText : body.ToString();
}
