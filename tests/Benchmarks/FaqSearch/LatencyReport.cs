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
    /// <summary>p50 and p99 per kind of query, printed after the main table.</summary>
    public static List<string> KindLines { get; } = [];

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

        var labelled = FaqTestSet.LoadQueries();
        var queries = labelled.Select(q => q.Text).ToArray();
        foreach (var query in queries)
        {
            index.Search(SyntheticFaq.Request(query)); // warm-up
        }

        var times = new List<double>(queries.Length * rounds);
        var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in labelled)
            {
                var start = Stopwatch.GetTimestamp();
                index.Search(SyntheticFaq.Request(query.Text));
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                times.Add(elapsed);
                (byKind.TryGetValue(query.Kind, out var list) ? list : byKind[query.Kind] = []).Add(elapsed);
            }
        }

        KindLines.AddRange(byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
        {
            k.Value.Sort();
            return string.Create(CultureInfo.InvariantCulture,
                $"| {entries:N0} | {k.Key} | {k.Value[k.Value.Count / 2]:0.000} | {k.Value[(int)Math.Ceiling(0.99 * k.Value.Count) - 1]:0.000} |");
        }));

        times.Sort();
        double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {entries:N0} | {build.Elapsed.TotalSeconds:0.00} s | {(after - before) / 1024.0 / 1024.0:0} MiB | {times.Count:N0} | " +
            $"{P(0.50):0.000} | {P(0.90):0.000} | {P(0.99):0.000} | {times[^1]:0.000} |"));
        GC.KeepAlive(data);
    }
}
