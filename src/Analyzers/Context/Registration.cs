using System.Collections.Generic;
using Kmem.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Kmem.Analyzers.Context;

/// <summary>A delegate handed to a parameter marked <c>[CallbackContext]</c> with an atomic context (<c>request_irq</c>'s handler, <c>timer_setup</c>'s callback).</summary>
internal sealed class Registration
{
    private readonly IOperation? handler;
    private readonly IMethodSymbol? method;

    /// <summary>A registration read from the bound call: the argument is a method group, a lambda, or a delegate variable.</summary>
    public Registration(IOperation handler, KernelContext context, string api, string registrar)
        : this(context, api, registrar) => this.handler = handler;

    /// <summary>A registration read from symbols alone: the argument names a method.</summary>
    public Registration(IMethodSymbol method, KernelContext context, string api, string registrar)
        : this(context, api, registrar) => this.method = method;

    private Registration(KernelContext context, string api, string registrar)
    {
        Context = context;
        Api = api;
        Registrar = registrar;
    }

    public KernelContext Context { get; }

    /// <summary>The registering function: <c>request_irq</c>.</summary>
    public string Api { get; }

    /// <summary>The method that registers: <c>probe</c>.</summary>
    public string Registrar { get; }

    /// <summary>The methods and lambdas the handler may stand for; adds to <paramref name="fields"/> the delegate fields it is read from.</summary>
    public List<IMethodSymbol> Handlers(DelegateBindings bindings, List<IFieldSymbol>? fields = null) =>
        method is not null ? new List<IMethodSymbol> { method } : bindings.Resolve(handler, fields);

    /// <summary>Why the handler runs in atomic context, for the message.</summary>
    public string Describe(string handler) =>
        $"{handler} runs in {ContextNames.Of(Context)} context (registered by {Api} in {Registrar})";
}
