using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Model.Syntax;

/// <summary>
/// The mentions of one simple name across the compilation (assignment targets, arguments, invocations), grouped once
/// by the type names their receivers may have (<see cref="MemberReferences"/>), so that the mentions that may refer
/// to a member of a given type are found without looking at the others: a question about <c>dev0.ring</c> does not
/// visit the <c>ring</c> of every other driver.
/// </summary>
internal sealed class ReceiverGroups<T>
{
    private readonly IReadOnlyList<T> mentions;
    private readonly MemberReferences references;
    private readonly Dictionary<string, List<int>> byType = new();
    private readonly List<int> anyType = new();

    /// <param name="receiverTypes">
    /// The simple names of the types the mention's receiver may have (<see cref="MemberReferences.ReceiverTypes"/>); null
    /// for a mention that must always be kept (its caller checks it otherwise).
    /// </param>
    [MethodImpl(Jit.OutsideImage)]
    public ReceiverGroups(IReadOnlyList<T> mentions, Func<T, MemberReferences, string[]?> receiverTypes, MemberReferences references)
    {
        this.mentions = mentions;
        this.references = references;
        for (var i = 0; i < mentions.Count; i++)
        {
            if (receiverTypes(mentions[i], references) is not { } types)
            {
                anyType.Add(i);
                continue;
            }
            foreach (var type in types)
            {
                if (!byType.TryGetValue(type, out var list))
                    byType[type] = list = new List<int>();
                if (list.Count == 0 || list[list.Count - 1] != i)
                    list.Add(i);
            }
        }
    }

    /// <summary>The mentions that may refer to a member of <paramref name="owner"/>, in source order.</summary>
    [MethodImpl(Jit.OutsideImage)]
    public List<T> MayReferTo(INamedTypeSymbol owner)
    {
        // A list sorted once rather than a SortedSet<int>: the runtime compiles the framework's SortedSet<int> unoptimized
        // for a compiler run, where List<int>.Sort is precompiled.
        var indices = new List<int>(anyType);
        foreach (var name in references.NamesOf(owner))
        {
            if (byType.TryGetValue(name, out var list))
                indices.AddRange(list);
        }
        indices.Sort();
        var result = new List<T>(indices.Count);
        for (var i = 0; i < indices.Count; i++)
        {
            if (i == 0 || indices[i] != indices[i - 1])
                result.Add(mentions[indices[i]]);
        }
        return result;
    }
}
