using System.Diagnostics;
using System.Globalization;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tests.Faq;

namespace LineaHub.Benchmarks.FaqSearch;

/// <summary>
/// Per-search latency percentiles (BenchmarkDotNet reports means per batch, not the tail), build time and
/// managed memory of the index, on one thread.
/// </summary>
public static class LatencyReport
{
    public static void Run(int entries, int rounds)
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

        var queries = FaqTestSet.LoadQueries().Select(q => q.Text).ToArray();
        foreach (var query in queries)
        {
            index.Search(SyntheticFaq.Request(query)); // warm-up
        }

        var times = new List<double>(queries.Length * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                var start = Stopwatch.GetTimestamp();
                index.Search(SyntheticFaq.Request(query));
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {entries:N0} | {build.Elapsed.TotalSeconds:0.00} s | {(after - before) / 1024.0 / 1024.0:0} MiB | {times.Count:N0} | " +
            $"{P(0.50):0.000} | {P(0.90):0.000} | {P(0.99):0.000} | {times[^1]:0.000} |"));
        GC.KeepAlive(data);
    }
}
