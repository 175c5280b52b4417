using BenchmarkDotNet.Running;
using Kmem.Bench;

switch (args.FirstOrDefault())
{
    case "quick":
        QuickMeasure.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 5);
        break;
    case "runtime":
        RuntimeQuickMeasure.Run(Console.Out);
        break;
    case "profile":
        ProfileRun.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 100_000, args.Length > 2 ? int.Parse(args[2]) : 3, args.Length > 3 ? args[3] : null, args.Length > 4 ? Kind(args[4]) : CorpusKind.Dense);
        break;
    case "breakdown":
        Breakdown.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 100_000, args.Length > 2 ? int.Parse(args[2]) : 3);
        break;
    case "indexes":
        IndexBuilds.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 100_000, args.Length > 2 ? int.Parse(args[2]) : 7);
        break;
    case "extra":
        ExtraCost.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 100_000, args.Length > 2 ? int.Parse(args[2]) : 8);
        break;
    case "wide":
        WidePhases.Run(Console.Out);
        break;
    case "memory":
        RetainedMemory.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 100_000);
        break;
    case "scaling":
        ScalingRun.Run(Console.Out);
        break;
    case "generate" when args.Length is 3 or 4 && int.TryParse(args[2], out var lines):
        GeneratedProject.Write(args[1], lines, args.Length == 4 ? Kind(args[3]) : CorpusKind.Dense);
        break;
    case "generate":
        Console.Error.WriteLine("usage: generate <directory> <lines> [dense|mixed|mixed-finding]");
        return 2;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(CorpusBenchmarks).Assembly).Run(args);
        break;
}
return 0;

// The corpus kinds by the names the scripts use.
static CorpusKind Kind(string name) => name switch
{
    "dense" => CorpusKind.Dense,
    "mixed" => CorpusKind.Mixed,
    "mixed-finding" => CorpusKind.MixedWithFinding,
    _ => throw new ArgumentException($"unknown corpus kind '{name}' (dense, mixed or mixed-finding)"),
};
