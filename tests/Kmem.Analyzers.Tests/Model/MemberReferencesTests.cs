using System.Linq;
using System.Threading.Tasks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Kmem.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Kmem.Analyzers.Tests.Model;

/// <summary>
/// Which mentions of a member's name may refer to it, told from syntax and declarations: "no" only when certain, and
/// always in agreement with the compiler's own binding when the compiler says it does refer to it.
/// </summary>
public sealed class MemberReferencesTests
{
    private const string Source = """
        using Kmem;
        using static Kmem.Kernel;
        using Alias = dev;
        class dev { public KPtr ring; public static KPtr shared; }
        class derived_dev : dev { }
        class other { public KPtr ring; public dev inner; }
        static class Holder { public static dev the = new dev(); }
        class Generic<T> where T : dev { void f(T t) { t.ring = NULL; /*typeparam*/ } }
        static class Driver
        {
            static dev field_dev = new dev();
            static other field_other = new other();
            static void own(dev d) { d.ring = NULL; /*param*/ }
            static void others(other o) { o.ring = NULL; /*other param*/ }
            static void derived(derived_dev d) { d.ring = NULL; /*derived param*/ }
            static void local() { dev d = new dev(); d.ring = NULL; /*local*/ }
            static void other_local() { other d = new other(); d.ring = NULL; /*other local*/ }
            static void implicit_local() { var d = new other(); d.ring = NULL; /*var local*/ }
            static void aliased(Alias d) { d.ring = NULL; /*alias*/ }
            static void through_field() { field_dev.ring = NULL; /*dev field*/ }
            static void through_other_field() { field_other.ring = NULL; /*other field*/ }
            static void chained(other o) { o.inner.ring = NULL; /*chain*/ }
            static void static_member() { dev.shared = NULL; /*type name*/ }
            static void pattern(object x) { if (x is dev d) d.ring = NULL; /*pattern*/ }
            static void lambda() { System.Action<dev> a = d => d.ring = NULL; /*lambda param*/ }
            static void through_import() { Holder.the.ring = NULL; /*holder chain*/ }
        }
        class dev_user : dev { void set() { ring = NULL; /*unqualified in derived*/ this.ring = NULL; /*this in derived*/ } }
        class stranger { KPtr ring; void set() { ring = NULL; /*unqualified elsewhere*/ } }
        """;

    [Theory]
    [InlineData("typeparam", true)]
    [InlineData("param", true)]
    [InlineData("other param", false)]
    [InlineData("derived param", true)]
    [InlineData("local", true)]
    [InlineData("other local", false)]
    [InlineData("var local", true)]
    [InlineData("alias", true)]
    [InlineData("dev field", true)]
    [InlineData("other field", false)]
    [InlineData("chain", true)]
    [InlineData("pattern", true)]
    [InlineData("lambda param", true)]
    [InlineData("holder chain", true)]
    [InlineData("unqualified in derived", true)]
    [InlineData("this in derived", true)]
    [InlineData("unqualified elsewhere", false)]
    public async Task Rules_out_only_the_mentions_that_cannot_be_the_member(string marker, bool may)
    {
        var (compilation, references) = await Create();
        var (name, model) = AssignedBefore(compilation, marker);
        var owner = compilation.GetTypeByMetadataName("dev")!;

        Assert.Equal(may, references.MayReferTo(name, owner));
        // A mention the compiler binds to dev.ring is never ruled out.
        if (model.GetSymbolInfo(name).Symbol is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.ContainingType, owner))
            Assert.True(may);
    }

    [Fact]
    public async Task A_static_member_is_found_through_its_type_name()
    {
        var (compilation, references) = await Create();
        var (name, _) = AssignedBefore(compilation, "type name");

        Assert.True(references.MayReferTo(name, compilation.GetTypeByMetadataName("dev")!));
        Assert.False(references.MayReferTo(name, compilation.GetTypeByMetadataName("other")!));
    }

    [Fact]
    public async Task Unbound_names_find_the_one_method_a_bare_name_denotes_and_nothing_shadowed()
    {
        const string source = """
            using Kmem;
            using static Kmem.Kernel;
            static class Driver
            {
                static irqreturn_t isr(int irq, object dev) => irqreturn_t.IRQ_HANDLED;
                static void twice(int a) { }
                static void twice(long a) { }
                static int probe(int isr_count)
                {
                    int twice_local = 0;
                    request_irq(1, isr, 0, "d", null);
                    twice(twice_local);
                    return isr_count;
                }
                static void shadowed(int isr) { System.Console.WriteLine(isr); }
            }
            """;
        var compilation = await KmemCompilationFactory.CreateValidAsync("Names", source);
        var tree = compilation.SyntaxTrees.Single();
        var session = AnalysisSession.For(compilation)!;
        var names = tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>().ToList();
        IdentifierNameSyntax In(string method, string text) =>
            names.First(n => n.Identifier.ValueText == text && n.FirstAncestorOrSelf<MethodDeclarationSyntax>()!.Identifier.ValueText == method);

        Assert.Equal("Kmem.Kernel.request_irq", UnboundNames.Method(session, In("probe", "request_irq"))?.ToDisplayString().Split('(')[0]);
        Assert.Equal("Driver.isr", UnboundNames.Method(session, In("probe", "isr"))?.ToDisplayString().Split('(')[0]);
        Assert.Null(UnboundNames.Method(session, In("probe", "twice")));
        Assert.Null(UnboundNames.Method(session, In("shadowed", "isr")));
    }

    [Fact]
    public async Task Unbound_names_agree_with_the_compiler_through_bases_outer_types_and_hidden_imports()
    {
        const string source = """
            using Kmem;
            using static Kmem.Kernel;
            class Base
            {
                protected static void inherited() { }
                private static void hidden_private() { }
            }
            class Outer
            {
                static void outer_helper() { }
                class Driver : Base
                {
                    static void kfree(int not_the_kernels) { }
                    static void probe()
                    {
                        inherited();
                        outer_helper();
                        kfree(1);
                        kmalloc(8, GFP_KERNEL);
                    }
                }
            }
            """;
        var compilation = await KmemCompilationFactory.CreateValidAsync("Bases", source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var session = AnalysisSession.For(compilation)!;
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = (IdentifierNameSyntax)call.Expression;
            var expected = model.GetSymbolInfo(call).Symbol;
            Assert.NotNull(expected);
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, UnboundNames.Method(session, name)), name.Identifier.ValueText);
        }
    }

    /// <summary>
    /// The grouped index answers as the per-mention test does: every mention that may refer to the member (those with
    /// no name to go by included), in source order, each once even when several of its receiver's type names match
    /// (an unqualified name in a type nested in another, both derived from the owner).
    /// </summary>
    [Fact]
    public async Task Receiver_groups_keep_the_mentions_that_may_refer_in_source_order_once_each()
    {
        const string source = """
            using Kmem;
            using static Kmem.Kernel;
            class dev { public KPtr ring; }
            class other { public KPtr ring; }
            class outer_dev : dev
            {
                class inner_dev : dev { void set() { ring = NULL; } }
                void set(other o, dev d) { o.ring = NULL; d.ring = NULL; ring = NULL; }
            }
            static class Driver { static void set(dev d, other o) { o.ring = NULL; d.ring = NULL; } }
            """;
        var compilation = await KmemCompilationFactory.CreateValidAsync("Groups", source);
        var references = MemberReferences.For(AnalysisSession.For(compilation)!);
        var mentions = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Select(a => a.Left is MemberAccessExpressionSyntax access ? access.Name : (SimpleNameSyntax)a.Left).ToList();
        var unnamed = mentions[4];
        var groups = new ReceiverGroups<SimpleNameSyntax>(mentions, (m, r) => m == unnamed ? null : r.ReceiverTypes(m), references);
        var dev = compilation.GetTypeByMetadataName("dev")!;
        var nested = references.ReceiverTypes(mentions[0])!;
        Assert.True(nested.Count(references.NamesOf(dev).Contains) >= 2, string.Join(", ", nested));

        Assert.Equal(new[] { mentions[0], mentions[2], mentions[3], mentions[4], mentions[5] }, groups.MayReferTo(dev));
        Assert.Equal(new[] { mentions[1], mentions[4] }, groups.MayReferTo(compilation.GetTypeByMetadataName("other")!));
    }

    private static async Task<(Compilation, MemberReferences)> Create()
    {
        var compilation = await KmemCompilationFactory.CreateValidAsync("References", Source);
        return (compilation, MemberReferences.For(AnalysisSession.For(compilation)!));
    }

    /// <summary>The name assigned in the statement just before the comment <c>/*marker*/</c>.</summary>
    private static (SimpleNameSyntax Name, SemanticModel Model) AssignedBefore(Compilation compilation, string marker)
    {
        var tree = compilation.SyntaxTrees.Single();
        var comment = tree.GetRoot().DescendantTrivia().Single(t => t.ToString() == "/*" + marker + "*/");
        var assignment = tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Last(a => a.Span.End <= comment.SpanStart);
        var name = assignment.Left switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            SimpleNameSyntax simple => simple,
            _ => throw new System.InvalidOperationException(assignment.ToString()),
        };
        return (name, compilation.GetSemanticModel(tree));
    }
}
