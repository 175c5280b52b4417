using System.Collections.Immutable;
using Kmem.Analyzers.Tests.Infrastructure;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>Ordinary C# that does not use Kmem, including names that look like the kernel's: no KMEM rule may report on it.</summary>
public static class PlainSources
{
    public static ImmutableArray<SourceFile> All { get; } = ImmutableArray.Create(
        new SourceFile("Plain/Inventory.cs", """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            namespace Plain.Shop;

            public sealed record Item(string Name, decimal Price, int Count);

            public sealed class Inventory
            {
                private readonly Dictionary<string, Item> items = new();
                private readonly object gate = new();

                public void Add(Item item)
                {
                    lock (gate)
                        items[item.Name] = item;
                }

                public decimal Total() => items.Values.Sum(i => i.Price * i.Count);

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return items.Values.Where(i => i.Count > 0).Count();
                }

                public string Describe(object o) => o switch
                {
                    Item { Count: 0 } i => $"{i.Name}: sold out",
                    Item i => $"{i.Name}: {i.Count}",
                    null => throw new ArgumentNullException(nameof(o)),
                    _ => o.ToString() ?? "",
                };
            }
            """),
        new SourceFile("Plain/Lookalikes.cs", """
            using System;

            namespace Plain.Lookalikes;

            /* Home-made helpers that share the kernel's names but not Kmem's types. */
            public static class Kernel
            {
                public const int GFP_KERNEL = 0xcc0;
                public const int GFP_ATOMIC = 0x20;
                public static byte[] kmalloc(long size, int flags) => new byte[size];
                public static byte[] vmalloc(long size) => new byte[size];
                public static void kfree(byte[] p) { }
                public static void vfree(byte[] p) { }
                public static void memset(byte[] p, int c, long n) => Array.Fill(p, (byte)c, 0, (int)n);
                public static void msleep(int ms) { }
            }

            public static class Driver
            {
                public static int Probe(int n)
                {
                    byte[] buf = Kernel.kmalloc(n * 16, Kernel.GFP_KERNEL);
                    if (buf == null)
                        goto fail;
                    Kernel.memset(buf, 0, n * 16);
                    Kernel.msleep(10);
                    Kernel.kfree(buf);
                    Kernel.kfree(buf);
                    return 0;
                fail:
                    return -12;
                }
            }
            """),
        new SourceFile("Plain/Algorithms.cs", """
            using System;
            using System.Collections.Generic;

            namespace Plain.Algorithms;

            public static class Sorting
            {
                public static void InsertionSort<T>(IList<T> list) where T : IComparable<T>
                {
                    for (int i = 1; i < list.Count; i++)
                    {
                        T key = list[i];
                        int j = i - 1;
                        while (j >= 0 && list[j].CompareTo(key) > 0)
                        {
                            list[j + 1] = list[j];
                            j--;
                        }
                        list[j + 1] = key;
                    }
                }

                public static IEnumerable<int> Primes(int limit)
                {
                    var sieve = new bool[limit + 1];
                    for (int p = 2; p <= limit; p++)
                    {
                        if (sieve[p])
                            continue;
                        yield return p;
                        for (long m = (long)p * p; m <= limit; m += p)
                            sieve[m] = true;
                    }
                }

                public static int Gcd(int a, int b)
                {
                    static int Step(int x, int y) => y == 0 ? x : Step(y, x % y);
                    return Step(Math.Abs(a), Math.Abs(b));
                }
            }
            """));
}
