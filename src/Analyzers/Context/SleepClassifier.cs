using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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

    /// <summary>
    /// A necessary condition of <see cref="Classify"/> that needs no call graph: the call sleeps by itself
    /// (<c>[MightSleep]</c>) or is handed here a mask that allows reclaim, at the allocator's <c>[Gfp]</c> parameter or, for a
    /// source method (a possible wrapper, which may forward any of its parameters), at any argument. A mask that is not a
    /// reclaiming constant here (the caller's parameter, a local, <c>GFP_ATOMIC</c>) never makes the call a finding, so
    /// KMEM001 need not start the whole-compilation walk for an IRQ handler that calls its register helpers.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public bool MayBeFinding(IInvocationOperation call, CallContract callee, AnalysisSession session)
    {
        if (callee.MightSleep)
            return true;
        if (callee.GfpParameter >= 0 && evaluator.Evaluate(CallContract.Argument(call, callee.GfpParameter), call.TargetMethod).Reclaims)
            return true;
        if (call.Arguments.IsEmpty || session.Declarations(call.TargetMethod.OriginalDefinition).IsEmpty)
            return false;
        foreach (var argument in call.Arguments)
        {
            if (evaluator.Evaluate(argument.Value, call.TargetMethod).Reclaims)
                return true;
        }
        return false;
    }

    private static string Describe(IOperation mask) =>
        mask.IsImplicit ? "its default GFP flags" : string.Join(" ", mask.Syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
}
