using System.Collections.Immutable;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Plans the KMEM001 fix of a constant mask argument: every named reclaiming mask in it
/// (<c>GFP_KERNEL</c>, <c>gfp_t.GFP_NOFS</c>, …) becomes <c>GFP_ATOMIC</c>, the other OR-ed bits
/// stay. The fix is offered only when the argument is an OR of names of the runtime's masks, no
/// reclaiming name is a single flag bit (<c>__GFP_DIRECT_RECLAIM</c>), and the rewritten mask no
/// longer reclaims.
/// </summary>
internal sealed class GfpFixPlanner
{
    private readonly KernelContract contract;

    public GfpFixPlanner(KernelContract contract) => this.contract = contract;

    /// <summary>The spans of the names to rewrite; empty when no safe fix exists.</summary>
    public ImmutableArray<TextSpan> Plan(IOperation? mask)
    {
        if (mask is null || mask.IsImplicit || !mask.ConstantValue.HasValue)
            return ImmutableArray<TextSpan>.Empty;
        var rewrites = ImmutableArray.CreateBuilder<TextSpan>();
        ulong rewritten = 0;
        if (!Collect(mask, rewrites, ref rewritten) || rewrites.Count == 0 || contract.Gfp.MayReclaim(rewritten))
            return ImmutableArray<TextSpan>.Empty;
        return rewrites.ToImmutable();
    }

    private bool Collect(IOperation operation, ImmutableArray<TextSpan>.Builder rewrites, ref ulong rewritten)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return Collect(conversion.Operand, rewrites, ref rewritten);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return Collect(or.LeftOperand, rewrites, ref rewritten) && Collect(or.RightOperand, rewrites, ref rewritten);
            case IFieldReferenceOperation { Field: { HasConstantValue: true, ConstantValue: { } value } field } reference when IsRuntimeMask(field):
                var bits = GfpEvaluator.Bits(value);
                if (!contract.Gfp.MayReclaim(bits))
                {
                    rewritten |= bits;
                    return true;
                }
                if ((bits & (bits - 1)) == 0 || NameOf(reference.Syntax) is not { } name)
                    return false;
                rewrites.Add(name.Span);
                rewritten |= contract.Gfp.Atomic;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A member of <c>gfp_t</c> or a mask constant of <c>Kernel</c>, both of which have a <c>GFP_ATOMIC</c>.</summary>
    private bool IsRuntimeMask(IFieldSymbol field) =>
        SymbolEqualityComparer.Default.Equals(field.ContainingType, contract.Gfp.Type)
        || SymbolEqualityComparer.Default.Equals(field.ContainingType, contract.KernelType);

    private static SimpleNameSyntax? NameOf(SyntaxNode syntax) => syntax switch
    {
        SimpleNameSyntax simple => simple,
        MemberAccessExpressionSyntax access => access.Name,
        _ => null,
    };
}
