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

    private const string Declarations = """
        using Kmem;
        using static Kmem.Kernel;
        class d
        {
            int work(KPtr p, int n)
            {
                var q = kmalloc(8, GFP_KERNEL);
                foreach (int i in new[] { n }) { if (p is KPtr r) kfree(r); }
                int.TryParse("1", out int parsed);
                void local() => kfree(q);
                local();
                return parsed;
            }
            int quiet(KPtr quietly) { int k = 0; return k; }
        }
        """;

    /// <summary>
    /// A method's declarations are the same whether the name index's walk recorded them on its way or a walk of the
    /// method's own did (a method without calls or assignments is not in the index).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeclarationsReadOnTheIndexWalkAreThoseOfTheMethodsOwnWalk(bool indexFirst)
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("Declarations", Declarations);
        var session = AnalysisSession.For(compilation)!;
        if (indexFirst)
            Assert.NotEmpty(NameMentions.For(session).Bodies);
        var root = compilation.SyntaxTrees.Single().GetRoot();
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.ValueText);

        var work = LocalDeclarations.Around(session, methods["work"].Body!.Statements[0])!;
        var quiet = LocalDeclarations.Around(session, methods["quiet"].Body!.Statements[0])!;

        Assert.All(new[] { "p", "n", "q", "i", "r", "parsed", "local" }, name => Assert.True(work.Declares(name), name));
        Assert.False(work.Declares("kfree"));
        Assert.Equal(new[] { "KPtr" }, work.TypesOf("p")!.Select(t => t.ToString()));
        Assert.Null(work.TypesOf("q"));
        Assert.Equal(new[] { "int" }, work.TypesOf("parsed")!.Select(t => t.ToString()));
        Assert.True(quiet.Declares("quietly") && quiet.Declares("k"));
    }

    /// <summary>
    /// A member with more declarations than a question scans is read through a table by name: the same answers, a name
    /// declared twice keeping both written types in declaration order.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AMemberWithManyDeclarationsAnswersAsAScanDoes(bool indexFirst)
    {
        const string source = """
            using Kmem;
            using static Kmem.Kernel;
            class d
            {
                int many(KPtr a, int b)
                {
                    int c = 0, e = 1, f = 2, g = 3, h = 4, i = 5, j = 6;
                    { long k = 7; c += (int)k; }
                    { KPtr k = a; kfree(k); }
                    var l = kmalloc(8, GFP_KERNEL);
                    kfree(l);
                    return b + c + e + f + g + h + i + j;
                }
            }
            """;
        var compilation = await KmemCompilationFactory.CreateValidAsync("ManyDeclarations", source);
        var session = AnalysisSession.For(compilation)!;
        if (indexFirst)
            Assert.NotEmpty(NameMentions.For(session).Bodies);
        var method = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();

        var many = LocalDeclarations.Around(session, method.Body!.Statements[0])!;

        Assert.All(new[] { "a", "b", "c", "e", "f", "g", "h", "i", "j", "k", "l" }, name => Assert.True(many.Declares(name), name));
        Assert.False(many.Declares("kfree"));
        Assert.False(many.Declares("m"));
        Assert.Equal(new[] { "long", "KPtr" }, many.TypesOf("k")!.Select(t => t.ToString()));
        Assert.Equal(new[] { "int" }, many.TypesOf("j")!.Select(t => t.ToString()));
        Assert.Null(many.TypesOf("l"));
        Assert.Empty(many.TypesOf("m")!);
        Assert.Same(many, LocalDeclarations.Around(session, method.Body.Statements[1]));
    }

    /// <summary>
    /// The mentions of a field's name passed to a call that may release it: an argument of a releasing function or of
    /// a source method (a summary may make it one), also nested in another call's argument; not a mention merely read
    /// by a function that releases nothing, nor an argument's name, nor a mention through a receiver of another type.
    /// </summary>
    [Fact]
    public async Task OnlyMentionsPassedToACallThatMayReleaseAreKept()
    {
        const string source = """
            using Kmem;
            using static Kmem.Kernel;
            class dev { public KPtr regs; }
            class other { public KPtr regs; }
            static class Driver
            {
                static KPtr pick(KPtr regs) => regs;
                static void put(KPtr p) => kfree(p);
                static void read(dev d) { memcpy(d.regs, d.regs, 8); }
                static void named(dev d) { pick(regs: NULL); }
                static void release(dev d) { kfree(d.regs); }
                static void nested(dev d) { kfree(pick(d.regs)); }
                static void helper(dev d) { put(d.regs); }
                static void elsewhere(other o) { kfree(o.regs); }
            }
            """;
        var compilation = await KmemCompilationFactory.CreateValidAsync("Released", source);
        var field = compilation.GetTypeByMetadataName("dev")!.GetMembers("regs").OfType<IFieldSymbol>().Single();

        var mentions = NameMentions.For(AnalysisSession.For(compilation)!).PassedToRelease(field);

        Assert.Equal(new[] { "release", "nested", "helper" }, mentions.Select(m => Describe(m.Body)));
        Assert.All(mentions, m => Assert.Equal("d.regs", m.Name.Parent!.ToString()));
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
