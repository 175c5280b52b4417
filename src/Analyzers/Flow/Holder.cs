using System;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// Something that can hold a pointer: a local, a parameter, a static field, a field of a local or
/// parameter (<c>dev.ring</c>), a field of <c>this</c>, or a value the control flow graph captured.
/// </summary>
internal readonly struct Holder : IEquatable<Holder>
{
    private readonly ISymbol? symbol;
    private readonly ISymbol? receiver;
    private readonly CaptureId capture;

    private Holder(ISymbol? symbol, ISymbol? receiver, CaptureId capture)
    {
        this.symbol = symbol;
        this.receiver = receiver;
        this.capture = capture;
    }

    public static Holder Of(ISymbol symbol) => new(symbol, null, default);

    public static Holder FieldOf(IFieldSymbol field, ISymbol receiver) => new(field, receiver, default);

    public static Holder Of(CaptureId capture) => new(null, null, capture);

    /// <summary>The local, parameter or field; null for a flow capture.</summary>
    public ISymbol? Symbol => symbol;

    /// <summary>The local or parameter whose field this is (<c>dev</c> in <c>dev.ring</c>).</summary>
    public ISymbol? Receiver => receiver;

    public bool IsCapture => symbol is null;

    /// <summary>Whether the holder outlives the method (a field).</summary>
    public bool IsField => symbol is IFieldSymbol;

    /// <summary>How the holder is written in C#, or null for a flow capture.</summary>
    public string? Text => symbol is null ? null : receiver is null ? symbol.Name : receiver.Name + "." + symbol.Name;

    [MethodImpl(Jit.Optimized)]
    public bool Equals(Holder other) =>
        capture.Equals(other.capture)
        && (ReferenceEquals(symbol, other.symbol) || SymbolEqualityComparer.Default.Equals(symbol, other.symbol))
        && (ReferenceEquals(receiver, other.receiver) || SymbolEqualityComparer.Default.Equals(receiver, other.receiver));

    [MethodImpl(Jit.Optimized)]
    public override bool Equals(object? obj) => obj is Holder other && Equals(other);

    [MethodImpl(Jit.Optimized)]
    public override int GetHashCode() =>
        (SymbolEqualityComparer.Default.GetHashCode(symbol) * 397) ^ SymbolEqualityComparer.Default.GetHashCode(receiver) ^ capture.GetHashCode();
}
