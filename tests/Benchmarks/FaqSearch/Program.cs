using BenchmarkDotNet.Running;
using LineaHub.Benchmarks.FaqSearch;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tests.Faq;

// quality: MRR@10 / Recall@5 on the labelled set; latency [entries...]: percentiles, build time, memory;
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
switch (args.FirstOrDefault())
{
    case "quality":
    {
        using var index = new FaqIndex();
        index.Rebuild(FaqTestSet.LoadEntries());
        Console.WriteLine(FaqQualityReport.Run(index, FaqTestSet.LoadQueries()).ToMarkdown());
        break;
    }

    case "latency":
    {
        var sizes = args.Skip(1).Select(int.Parse).DefaultIfEmpty(10_000).ToArray();
        Console.WriteLine("| Entries | Build | Managed memory of the index | Searches | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            LatencyReport.Run(size, rounds: 25);
        }

        Console.WriteLine();
        Console.WriteLine("| Entries | Kind | p50 ms | p99 ms |");
        Console.WriteLine("|---:|---|---:|---:|");
        LatencyReport.KindLines.ForEach(Console.WriteLine);

        break;
    }

    default:
        BenchmarkSwitcher.FromAssembly(typeof(FaqSearchBenchmark).Assembly).Run(args);
        break;
}
