using System.Collections.Immutable;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>
/// Decides whether a call may sleep by itself: a <c>[MightSleep]</c> function (runtime or user),
/// or an allocation whose mask, passed here, allows direct reclaim: to the allocator's
/// <c>[Gfp]</c> parameter or to a parameter a wrapper forwards to one. A mask the caller forwards
/// from its own parameter is judged at the caller's callers; an unknown mask is taken not to reclaim.
/// </summary>
internal sealed class SleepClassifier
{
    private readonly KernelContract contract;
    private readonly GfpEvaluator evaluator;

    public SleepClassifier(KernelContract contract, GfpEvaluator evaluator)
    {
        this.contract = contract;
        this.evaluator = evaluator;
    }

    public SleepingCall? Classify(CallSite call, MethodNode caller)
    {
        if (contract.Of(call.Target).MightSleep)
            return new SleepingCall(call.Target.Name, ImmutableArray.Create(call.Target.Name), null);
        foreach (var (ordinal, chain) in GfpForwarding.Inputs(call, contract))
        {
            var argument = CallContract.Argument(call.Operation, ordinal);
            if (evaluator.Evaluate(argument, caller.Symbol).Reclaims)
                return new SleepingCall($"{chain[0]} with {Describe(argument!)}", chain, argument);
        }
        return null;
    }

    private static string Describe(IOperation mask) =>
        mask.IsImplicit ? "its default GFP flags" : string.Join(" ", mask.Syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
}
