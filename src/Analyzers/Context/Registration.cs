using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>A delegate handed to a parameter marked <c>[CallbackContext]</c> with an atomic context (<c>request_irq</c>'s handler, <c>timer_setup</c>'s callback).</summary>
internal sealed class Registration
{
    public Registration(IOperation handler, KernelContext context, string api, string registrar)
    {
        Handler = handler;
        Context = context;
        Api = api;
        Registrar = registrar;
    }

    /// <summary>The argument: a method group, a lambda, or a delegate variable.</summary>
    public IOperation Handler { get; }

    public KernelContext Context { get; }

    /// <summary>The registering function: <c>request_irq</c>.</summary>
    public string Api { get; }

    /// <summary>The method that registers: <c>probe</c>.</summary>
    public string Registrar { get; }

    /// <summary>Why the handler runs in atomic context, for the message.</summary>
    public string Describe(string handler) =>
        $"{handler} runs in {ContextNames.Of(Context)} context (registered by {Api} in {Registrar})";
}
