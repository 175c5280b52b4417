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
        var index = block.Operations.IndexOf(statement);
        return index < 0 ? null : new StoredAllocation(statement, block, index, target, declared);
    }

    private static bool IsVariable(IOperation operation) => Storage.Same(operation, operation);
}
