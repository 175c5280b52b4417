using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Rules.Patterns;

/// <summary>
/// An allocation stored by a statement of its own (<c>p = kmalloc(…);</c> or <c>var p = kmalloc(…);</c>)
/// in a block, with what follows it in that block.
/// </summary>
internal sealed class StoredAllocation
{
    private StoredAllocation(IOperation statement, IBlockOperation block, int index, IOperation? target, ILocalSymbol? declared)
    {
        Statement = statement;
        Block = block;
        Index = index;
        Target = target;
        Declared = declared;
    }

    /// <summary>The statement that stores the allocation.</summary>
    public IOperation Statement { get; }
    public IBlockOperation Block { get; }
    public int Index { get; }
    /// <summary>The assigned variable, when the statement is an assignment.</summary>
    public IOperation? Target { get; }
    /// <summary>The declared local, when the statement is a declaration.</summary>
    public ILocalSymbol? Declared { get; }

    /// <summary>The statement after the store, or null.</summary>
    public IOperation? Next(int offset = 1) =>
        Index + offset < Block.Operations.Length ? Block.Operations[Index + offset] : null;

    /// <summary>Whether the operation reads the variable the allocation was stored in.</summary>
    public bool IsStorage(IOperation? operation)
    {
        if (operation is null)
            return false;
        if (Declared is not null)
            return Storage.Unwrap(operation) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, Declared);
        return Storage.Same(Target, operation);
    }

    /// <summary>Whether any part of the operation mentions the variable.</summary>
    public bool IsMentionedIn(IOperation operation)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (IsStorage(descendant))
                return true;
        }
        return false;
    }

    /// <summary>The stored allocation, or null when the call is not stored by a statement of its own in a block.</summary>
    public static StoredAllocation? Of(IInvocationOperation allocation)
    {
        var parent = Storage.ParentSkippingConversions(allocation, out var child);
        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == child
                && assignment.Parent is IExpressionStatementOperation statement
                && IsVariable(assignment.Target):
                return InBlock(statement, assignment.Target, null);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                when declarator.Parent is IVariableDeclarationOperation { Declarators.Length: 1, Parent: IVariableDeclarationGroupOperation group }:
                return InBlock(group, null, declarator.Symbol);
            default:
                return null;
        }
    }

    private static StoredAllocation? InBlock(IOperation statement, IOperation? target, ILocalSymbol? declared)
    {
        if (statement.Parent is not IBlockOperation block)
            return null;
        var index = IndexIn(block.Operations, statement);
        return index < 0 ? null : new StoredAllocation(statement, block, index, target, declared);
    }

    /// <summary>
    /// The index of a statement in its block: a binary search on the statements' positions (they are
    /// in source order), so that a method of n allocations is not n times a scan of its block.
    /// </summary>
    private static int IndexIn(System.Collections.Immutable.ImmutableArray<IOperation> operations, IOperation statement)
    {
        var position = statement.Syntax.SpanStart;
        int low = 0, high = operations.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var start = operations[middle].Syntax.SpanStart;
            if (start < position)
                low = middle + 1;
            else if (start > position)
                high = middle - 1;
            else
            {
                // Statements may share a start (an implicit one): look around the match.
                for (var i = middle; i >= 0 && operations[i].Syntax.SpanStart == position; i--)
                {
                    if (ReferenceEquals(operations[i], statement))
                        return i;
                }
                for (var i = middle + 1; i < operations.Length && operations[i].Syntax.SpanStart == position; i++)
                {
                    if (ReferenceEquals(operations[i], statement))
                        return i;
                }
                break;
            }
        }
        return operations.IndexOf(statement);
    }

    private static bool IsVariable(IOperation operation) => Storage.Same(operation, operation);
}
