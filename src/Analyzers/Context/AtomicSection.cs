using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>An atomic section opened by an <c>[EntersAtomic]</c> call (<c>spin_lock_irqsave</c>, <c>rcu_read_lock</c>, …).</summary>
internal sealed class AtomicSection
{
    public AtomicSection(IMethodSymbol entry, SyntaxNode call)
    {
        Entry = entry;
        Call = call;
    }

    /// <summary>The function that opened the section.</summary>
    public IMethodSymbol Entry { get; }

    /// <summary>The call that opened it.</summary>
    public SyntaxNode Call { get; }

    /// <summary>The 1-based line of the opening call.</summary>
    public int Line => Call.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>Why code in the section of <paramref name="owner"/> is atomic, for the message.</summary>
    public string Describe(string owner) => TakesLock
        ? $"{owner} holds {Entry.Name} (taken at line {Line})"
        : $"{owner} runs after {Entry.Name} (called at line {Line})";

    /// <summary>A lock function takes the lock object by value; the others take nothing or an <c>out</c> flags word.</summary>
    private bool TakesLock => Entry.Parameters.Length > 0 && Entry.Parameters[0].RefKind == RefKind.None;
}
