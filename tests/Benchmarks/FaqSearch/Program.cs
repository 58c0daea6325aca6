using System.Globalization;
using BenchmarkDotNet.Running;
using LineaHub.Benchmarks.FaqSearch;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tests.Faq;

// quality: MRR@10 / Recall@5 on the labelled set; latency [--slowest N] [--rounds N] [--warmup-seconds N] [entries...]: percentiles (wall and CPU),
// build time, memory, allocations, optionally the N slowest queries;
// dump [entries...]: every query's results in full, to diff old and new code;
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
        // latency [--slowest N] [--rounds N] [--warmup-seconds N] [entries...]: --slowest N > 0 also lists the N slowest queries of each size.
        var rest = args.Skip(1).ToList();
        var slowest = Option(rest, "--slowest", 0);

        // --rounds N: more rounds than the default 25, e.g. to profile the search loop rather than the build.
        var rounds = Option(rest, "--rounds", 25);

        // --warmup-seconds N: how long the labelled set runs before the measured rounds (default 10; 0 = one pass, as before 2026-12-03).
        var warmup = TimeSpan.FromSeconds(Option(rest, "--warmup-seconds", 10.0));
        var sizes = rest.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).DefaultIfEmpty(10_000).ToArray();
        Console.WriteLine("| Entries | Build | Managed memory of the index | Searches | p50 ms | p90 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms | Allocated per search | GCs gen0/1/2 |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            LatencyReport.Run(size, rounds, slowest, warmup);
        }

        Console.WriteLine();
        Console.WriteLine("| Entries | Kind | p50 ms | p99 ms |");
        Console.WriteLine("|---:|---|---:|---:|");
        LatencyReport.KindLines.ForEach(Console.WriteLine);
        if (slowest > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| Entries | Median ms | Median CPU ms | Max ms | Kind | Query |");
            Console.WriteLine("|---:|---:|---:|---:|---|---|");
            LatencyReport.SlowestLines.ForEach(Console.WriteLine);
        }

        break;
    }

    case "dump":
    {
        ResultDump.Run(Console.Out, args.Skip(1).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList());
        break;
    }

    default:
        BenchmarkSwitcher.FromAssembly(typeof(FaqSearchBenchmark).Assembly).Run(args);
        break;
}

// The value after a flag, removed from the arguments with its flag; the default when the flag is absent.
static T Option<T>(List<string> arguments, string flag, T defaultValue)
    where T : IParsable<T>
{
    var at = arguments.IndexOf(flag);
    if (at < 0)
    {
        return defaultValue;
    }

    var value = T.Parse(arguments[at + 1], CultureInfo.InvariantCulture);
    arguments.RemoveRange(at, 2);
    return value;
}
