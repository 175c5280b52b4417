using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;

namespace Kmem;

/// <summary>
/// kmemleak's view of the managed heap: starting from roots (module static fields, IRQ handlers' state),
/// follows every object reachable through fields, arrays and delegates' targets, and hands each value
/// that may be an address (a <see cref="KPtr"/>, an integer, a <see cref="page"/>, a <see cref="kmem_cache"/>)
/// to <paramref name="mark"/>, as kmemleak scans the kernel's data sections.
/// </summary>
internal sealed class ManagedRoots(Action<ulong> mark)
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> fieldsByType = new();
    private static readonly Assembly runtime = typeof(Machine).Assembly;

    private readonly HashSet<object> visited = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<object> pending = new();

    /// <summary>Scans the static fields of <paramref name="moduleClass"/> and of the classes nested in it.</summary>
    public void AddStatics(Type moduleClass)
    {
        foreach (var field in moduleClass.GetFields(Static))
        {
            if (!field.IsLiteral)
                Value(field.GetValue(null));
        }
        foreach (var nested in moduleClass.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!nested.ContainsGenericParameters)
                AddStatics(nested);
        }
    }

    /// <summary>Marks a value that may be an address, or queues an object to follow (see <see cref="Drain"/>).</summary>
    public void Value(object? value)
    {
        switch (value)
        {
            case null or string or Type or MemberInfo or Machine:
                return;
            case KPtr p:
                mark(p.Value);
                return;
            case ulong u:
                mark(u);
                return;
            case long l:
                mark((ulong)l);
                return;
            case uint u32:
                mark(u32);
                return;
            case page pg:
                mark(AddressLayout.PfnToVirt(pg.Pfn));
                mark(AddressLayout.PfnToPhys(pg.Pfn));
                return;
            case kmem_cache cache:
                if (cache.Descriptor is { } descriptor)
                    mark(descriptor.Start);
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || !IsScanned(type))
            return;
        if (!type.IsValueType && !visited.Add(value))
            return;
        pending.Push(value);
    }

    /// <summary>Follows everything reachable from the values given so far.</summary>
    public void Drain()
    {
        while (pending.TryPop(out var next))
            Expand(next);
    }

    private void Expand(object value)
    {
        switch (value)
        {
            case Delegate d:
                foreach (var single in d.GetInvocationList())
                    Value(single.Target);
                return;
            case Array array:
                if (array.GetType().GetElementType() is { IsPrimitive: true } element && element != typeof(ulong) && element != typeof(long) && element != typeof(uint))
                    return;
                foreach (var item in array)
                    Value(item);
                return;
        }
        foreach (var field in fieldsByType.GetOrAdd(value.GetType(), t => t.GetFields(Instance)))
            Value(field.GetValue(value));
    }

    /// <summary>The runtime's own internals (the machine, its allocators) are not module state.</summary>
    private static bool IsScanned(Type type) => type.Assembly != runtime || type.IsPublic || typeof(Delegate).IsAssignableFrom(type);
}
