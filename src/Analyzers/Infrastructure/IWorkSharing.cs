using System;
using System.Collections.Generic;

namespace Kmem.Analyzers.Infrastructure;

/// <summary>Runs a batch of independent work items, possibly on several threads; results in item order.</summary>
internal interface IWorkSharing
{
    TOut[] ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> work);
}

/// <summary>Runs every item on the calling thread (tests, tools).</summary>
internal sealed class SequentialWork : IWorkSharing
{
    public static readonly SequentialWork Instance = new();

    private SequentialWork()
    {
    }

    public TOut[] ForEach<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> work)
    {
        var results = new TOut[items.Count];
        for (var i = 0; i < items.Count; i++)
            results[i] = work(items[i]);
        return results;
    }
}
