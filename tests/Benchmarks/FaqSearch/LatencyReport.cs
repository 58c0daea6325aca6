using System.Diagnostics;
using System.Globalization;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tests.Faq;

namespace LineaHub.Benchmarks.FaqSearch;

/// <summary>
/// Per-search latency percentiles (BenchmarkDotNet reports means per batch, not the tail), build time and
/// managed memory of the index, on one thread. Each search is timed on the wall clock and, where the OS has it,
/// on the thread's CPU clock; optionally the slowest queries by their median time.
/// </summary>
public static class LatencyReport
{
    /// <summary>p50 and p99 per kind of query, printed after the main table.</summary>
    public static List<string> KindLines { get; } = [];

    /// <summary>The slowest queries of each size (by median wall time over the rounds), printed last when asked for.</summary>
    public static List<string> SlowestLines { get; } = [];

    public static void Run(int entries, int rounds, int slowest, TimeSpan warmup)
    {
        var data = SyntheticFaq.Generate(entries);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        using var index = new FaqIndex();
        index.Rebuild(data);
        build.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Warm-up: the labelled set over and over for a while, so that the search runs as a hub that has been up for a
        // while runs it: with tiered compilation a method is recompiled optimised only after some 30 calls and a pause
        // in new compilations, and one pass over the set measured partly unoptimised code (see docs/benchmarks.md).
        var labelled = FaqTestSet.LoadQueries();
        var warming = Stopwatch.StartNew();
        do
        {
            foreach (var query in labelled)
            {
                index.Search(SyntheticFaq.Request(query.Text));
            }
        }
        while (warming.Elapsed < warmup);

        var wall = new List<double>(labelled.Count * rounds);
        var cpu = new List<double>(labelled.Count * rounds);
        var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var byQuery = labelled.Select(_ => new List<(double Wall, double Cpu)>(rounds)).ToArray();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < labelled.Count; q++)
            {
                var query = labelled[q];
                var cpuStart = ThreadCpu.Nanoseconds();
                var start = Stopwatch.GetTimestamp();
                index.Search(SyntheticFaq.Request(query.Text));
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var cpuElapsed = (ThreadCpu.Nanoseconds() - cpuStart) / 1e6;
                wall.Add(elapsed);
                cpu.Add(cpuElapsed);
                byQuery[q].Add((elapsed, cpuElapsed));
                (byKind.TryGetValue(query.Kind, out var list) ? list : byKind[query.Kind] = []).Add(elapsed);
            }
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)wall.Count;
        var collections = (GC.CollectionCount(0) - collectionsBefore.Item1, GC.CollectionCount(1) - collectionsBefore.Item2, GC.CollectionCount(2) - collectionsBefore.Item3);

        KindLines.AddRange(byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
        {
            k.Value.Sort();
            return string.Create(CultureInfo.InvariantCulture,
                $"| {entries:N0} | {k.Key} | {Percentile(k.Value, 0.50):0.000} | {Percentile(k.Value, 0.99):0.000} |");
        }));

        SlowestLines.AddRange(labelled
            .Select((query, q) => (query, Wall: Median(byQuery[q].Select(t => t.Wall)), Cpu: Median(byQuery[q].Select(t => t.Cpu)), Max: byQuery[q].Max(t => t.Wall)))
            .OrderByDescending(r => r.Wall)
            .Take(slowest)
            .Select(r => string.Create(CultureInfo.InvariantCulture,
                $"| {entries:N0} | {r.Wall:0.000} | {(ThreadCpu.Available ? r.Cpu.ToString("0.000", CultureInfo.InvariantCulture) : "-")} | {r.Max:0.00} | {r.query.Kind} | {r.query.Text} |")));

        wall.Sort();
        cpu.Sort();
        var cpuColumns = ThreadCpu.Available
            ? string.Create(CultureInfo.InvariantCulture, $"{Percentile(cpu, 0.50):0.000} | {Percentile(cpu, 0.99):0.000}")
            : "- | -";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {entries:N0} | {build.Elapsed.TotalSeconds:0.00} s | {(after - before) / 1024.0 / 1024.0:0} MiB | {wall.Count:N0} | " +
            $"{Percentile(wall, 0.50):0.000} | {Percentile(wall, 0.90):0.000} | {Percentile(wall, 0.99):0.000} | {wall[^1]:0.000} | " +
            $"{cpuColumns} | {allocated / 1024:0} KiB | {collections.Item1}/{collections.Item2}/{collections.Item3} |"));
        GC.KeepAlive(data);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
