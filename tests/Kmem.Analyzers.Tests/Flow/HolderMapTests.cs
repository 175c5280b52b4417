using System.Collections.Generic;
using System.Linq;
using Kmem.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kmem.Analyzers.Tests.Flow;

/// <summary>The persistent map from holders to the sites they may hold, and the buffer a transfer changes it through.</summary>
public sealed class HolderMapTests
{
    private static readonly List<ISymbol> Fields = CSharpCompilation
        .Create("Holders", new[] { CSharpSyntaxTree.ParseText("class C { " + string.Concat(Enumerable.Range(0, 100).Select(i => $"ulong f{i}; ")) + "}") })
        .GetTypeByMetadataName("C")!.GetMembers().OfType<IFieldSymbol>().ToList<ISymbol>();

    private static Holder H(int i) => Holder.Of(Fields[i]);

    [Fact]
    public void A_buffer_changes_a_copy_and_leaves_the_loaded_map_as_it_was()
    {
        var buffer = new HolderBuffer();
        for (var i = 0; i < 100; i++)
            buffer[H(i)] = 1UL << (i % 64);
        var map = buffer.ToImmutable();

        buffer.Load(map);
        buffer[H(3)] = 0xF0;
        buffer.Remove(H(7));
        var changed = buffer.ToImmutable();

        Assert.Equal(100, map.Count);
        Assert.True(map.TryGetValue(H(3), out var three) && three == 1UL << 3);
        Assert.True(map.TryGetValue(H(7), out _));
        Assert.Equal(99, changed.Count);
        Assert.True(changed.TryGetValue(H(3), out var changedThree) && changedThree == 0xF0);
        Assert.False(changed.TryGetValue(H(7), out _));
        Assert.Equal(Enumerable.Range(0, 100).Where(i => i != 7).Select(i => Fields[i]).OrderBy(f => f.Name),
            Enumerate(changed).Select(e => e.Holder.Symbol!).OrderBy(f => f.Name));
    }

    [Fact]
    public void A_map_handed_out_is_not_changed_by_the_buffer_writing_on()
    {
        var buffer = new HolderBuffer();
        buffer[H(1)] = 1;
        buffer[H(17)] = 1;
        var first = buffer.ToImmutable();

        buffer[H(1)] = 2;
        buffer.Remove(H(17));
        buffer[H(33)] = 4;
        var second = buffer.ToImmutable();

        Assert.Equal(new[] { (1, 1UL), (17, 1UL) }, Enumerate(first).Select(e => (Fields.IndexOf(e.Holder.Symbol!), e.Sites)).OrderBy(e => e.Item1));
        Assert.Equal(new[] { (1, 2UL), (33, 4UL) }, Enumerate(second).Select(e => (Fields.IndexOf(e.Holder.Symbol!), e.Sites)).OrderBy(e => e.Item1));
    }

    [Fact]
    public void A_map_outgrowing_its_single_bucket_leaves_the_map_handed_out_before_as_it_was()
    {
        var buffer = new HolderBuffer();
        for (var i = 0; i < 8; i++)
            buffer[H(i)] = 1UL << i;
        var small = buffer.ToImmutable();

        for (var i = 8; i < 40; i++)
            buffer[H(i)] = 1UL << i;
        buffer[H(0)] = 0xFF;
        var large = buffer.ToImmutable();

        Assert.Equal(Enumerable.Range(0, 8).Select(i => (i, 1UL << i)), Enumerate(small).Select(e => (Fields.IndexOf(e.Holder.Symbol!), e.Sites)));
        Assert.Equal(40, large.Count);
        Assert.All(Enumerable.Range(1, 39), i => Assert.True(large.TryGetValue(H(i), out var sites) && sites == 1UL << i));
        Assert.True(large.TryGetValue(H(0), out var first) && first == 0xFF);
    }

    [Fact]
    public void A_buffer_that_writes_what_is_there_or_removes_what_is_not_keeps_the_map_itself()
    {
        var buffer = new HolderBuffer();
        buffer[H(1)] = 2;
        var map = buffer.ToImmutable();

        buffer.Load(map);
        buffer[H(1)] = 2;
        buffer.Remove(H(2));

        Assert.Same(map, buffer.ToImmutable());
    }

    [Fact]
    public void Union_joins_masks_holder_by_holder_and_returns_the_left_map_when_the_right_adds_nothing()
    {
        var left = Map((1, 0b01), (2, 0b10));
        var right = Map((1, 0b10), (3, 0b100));

        var union = HolderMap.Union(left, right);

        Assert.Equal(new[] { (1, 0b11UL), (2, 0b10UL), (3, 0b100UL) }, Enumerate(union).Select(e => (Fields.IndexOf(e.Holder.Symbol!), e.Sites)).OrderBy(e => e.Item1));
        Assert.Same(union, HolderMap.Union(union, left));
        Assert.Same(union, HolderMap.Union(union, right));
        Assert.Equal(2, left.Count);
    }

    [Fact]
    public void Same_compares_holders_and_masks_whatever_order_they_were_added_in()
    {
        Assert.True(HolderMap.Same(Map((1, 1), (2, 2)), Map((2, 2), (1, 1))));
        Assert.False(HolderMap.Same(Map((1, 1), (2, 2)), Map((1, 1), (2, 3))));
        Assert.False(HolderMap.Same(Map((1, 1)), Map((1, 1), (2, 2))));
        Assert.False(HolderMap.Same(Map((1, 1)), Map((2, 1))));
    }

    private static HolderMap Map(params (int Holder, ulong Sites)[] entries)
    {
        var buffer = new HolderBuffer();
        foreach (var (holder, sites) in entries)
            buffer[H(holder)] = sites;
        return buffer.ToImmutable();
    }

    private static List<HeldSites> Enumerate(HolderMap map)
    {
        var result = new List<HeldSites>();
        foreach (var entry in map)
            result.Add(entry);
        return result;
    }
}
