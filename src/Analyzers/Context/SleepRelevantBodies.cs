using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kmem.Analyzers.Context;

/// <summary>
/// The bodies in which, or in whose callees, KMEM001 may find something, from syntax and contracts alone: those that
/// invoke, by name, a function whose contract may sleep, takes a GFP mask, or opens or closes an atomic section, or a
/// source method with such a body, to the fixed point. Over-approximate (any method of an invoked name). The walk
/// binds a possibly atomic method's body only when it is one of them: the register helpers an IRQ handler or a timer
/// calls are not bound ahead of the compiler, since nothing below them can sleep, forward a mask, or release a lock.
/// </summary>
internal sealed class SleepRelevantBodies
{
    private readonly HashSet<SyntaxNode> bodies = new();

    private SleepRelevantBodies()
    {
    }

    public static SleepRelevantBodies For(AnalysisSession session) => session.Index(static s => Build(s));

    public bool Contains(SyntaxNode body) => bodies.Contains(body);

    [MethodImpl(Jit.Optimized)]
    private static SleepRelevantBodies Build(AnalysisSession session)
    {
        var mentions = NameMentions.For(session);
        var relevant = SeedNames(session);
        var pending = new Queue<string>(relevant);
        var result = new SleepRelevantBodies();
        while (pending.Count > 0)
        {
            foreach (var (body, _) in mentions.Invocations(pending.Dequeue()))
            {
                if (result.bodies.Add(body) && body is MethodDeclarationSyntax method && relevant.Add(method.Identifier.ValueText))
                    pending.Enqueue(method.Identifier.ValueText);
            }
        }
        return result;
    }

    /// <summary>The names of the contracted functions a finding can start from or a section depends on.</summary>
    private static HashSet<string> SeedNames(AnalysisSession session)
    {
        var names = new HashSet<string>();
        foreach (var method in ContractedMethods.For(session).Methods)
        {
            var contract = session.Contract.Of(method);
            if (contract.MightSleep || contract.GfpParameter >= 0 || contract.EntersAtomic || contract.ExitsAtomic)
                names.Add(method.Name);
        }
        return names;
    }
}
