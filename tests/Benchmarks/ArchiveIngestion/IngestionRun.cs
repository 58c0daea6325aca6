using System.Diagnostics;
using System.Globalization;
using System.Text;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>The outcome of one run and its report, as markdown for docs/benchmarks.md.</summary>
public sealed record IngestionRun(
    IngestionOptions Options,
    BatchSample[] Warmup,
    BatchSample[] Samples,
    long MeasuredRecords,
    long SentRecords,
    TimeSpan Elapsed,
    CpuSnapshot Cpu,
    long HubMaxRssKiB,
    long HubPeakKiB,
    IngestionCheck Check,
    RetryCheck Retries,
    string LoadBefore,
    string LoadAfter)
{
    public const double GoalPerSecond = 20_000;
    public const double GoalP99Milliseconds = 1000;
    public const double GoalRssMiB = 1024;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public long Accepted => Samples.Sum(s => (long)s.Accepted);

    public double PerSecond => Accepted / Elapsed.TotalSeconds;

    public bool HasErrors => Warmup.Concat(Samples).Any(s => !s.Ok) || !Check.Passed(SentRecords) || !Retries.Passed;

    public string Markdown()
    {
        var latencies = Percentiles.Sorted(Samples.Select(s => s.Latency.TotalMilliseconds));
        var p99 = Percentiles.Of(latencies, 0.99);
        var rssMiB = HubMaxRssKiB / 1024.0;
        var text = new StringBuilder();
        text.AppendLine(Culture, $"Options: `{Options.CommandLine}`; load average before {LoadBefore}, after {LoadAfter}.");
        text.AppendLine();
        text.AppendLine("| Records | Batches | Senders | Records/s | p50 ms | p90 ms | p99 ms | max ms | Errors | Hub CPU ms/1k rec | PostgreSQL CPU ms/1k rec | Harness CPU ms/1k rec | Machine busy | Hub RSS max (peak) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(Culture, $"| {Accepted:N0} | {Samples.Length} | {Options.Senders} | {PerSecond:N0} | {Percentiles.Of(latencies, 0.50):0} | {Percentiles.Of(latencies, 0.90):0} | {p99:0} | {latencies[^1]:0} | {Samples.Count(s => !s.Ok)} | {PerThousand(Cpu.Hub)} | {PerThousand(Cpu.Postgres)} | {PerThousand(Cpu.Harness)} | {Cpu.MachineBusy / Cpu.MachineTotal:P0} | {rssMiB:0} MiB ({HubPeakKiB / 1024.0:0} MiB) |");
        text.AppendLine();
        text.AppendLine(Culture,
            $"Goal ≥ {GoalPerSecond:N0} records/s sustained: **{Verdict(PerSecond >= GoalPerSecond)}** ({PerSecond:N0}/s); p99 batch acceptance < {GoalP99Milliseconds:0} ms: **{Verdict(p99 < GoalP99Milliseconds)}** ({p99:0} ms); hub RSS ≤ {GoalRssMiB:0} MiB: **{Verdict(rssMiB <= GoalRssMiB)}** ({rssMiB:0} MiB). {Accepted:N0} records in {Elapsed.TotalSeconds:0.0} s.");
        text.AppendLine(Culture,
            $"CPU during the measurement: hub {Cpu.Hub.TotalSeconds:0.0} s, PostgreSQL {Cpu.Postgres.TotalSeconds:0.0} s, harness {Cpu.Harness.TotalSeconds:0.0} s, whole machine {Cpu.MachineBusy.TotalSeconds:0.0} s of {Cpu.MachineTotal.TotalSeconds:0.0} s (other processes {Cpu.Others.TotalSeconds:0.0} s, stolen by the hypervisor {Cpu.MachineSteal.TotalSeconds:0.0} s).");
        text.AppendLine();
        AppendIntervals(text);
        AppendErrors(text);
        text.AppendLine(Culture,
            $"Database after the run ({SentRecords:N0} records sent, warm-up included): {Check.Stored:N0} stored, category-cube sum {Check.CategoryCubeSum:N0}, detail-cube sum {Check.DetailCubeSum:N0}, {Check.Partitions} monthly partitions. Retries after the run: {Retries.Replayed}/{Retries.Batches} same key → stored answer, {Retries.AlreadyStored}/{Retries.Batches} new key → all already stored. **{(Check.Passed(SentRecords) && Retries.Passed ? "Exactly once" : "NOT EXACTLY ONCE")}.**");
        return text.ToString();
    }

    /// <summary>Records accepted per interval of the run, by when the answer came: is the rate sustained?</summary>
    private void AppendIntervals(StringBuilder text)
    {
        var start = Samples.Min(s => s.Started);
        var interval = IngestionOptions.IntervalSeconds;
        var buckets = Samples
            .GroupBy(s => (int)(Stopwatch.GetElapsedTime(start, s.Ended).TotalSeconds / interval))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Records: g.Sum(s => s.Accepted), P99: Percentiles.Of(Percentiles.Sorted(g.Select(s => s.Latency.TotalMilliseconds)), 0.99)))
            .ToList();
        var last = Stopwatch.GetElapsedTime(start, Samples.Max(s => s.Ended)).TotalSeconds;
        var partial = (last - buckets[^1].Key * interval).ToString("0.0", Culture);
        text.AppendLine($"Records/s per {interval} s interval (last interval partial, {partial} s): "
            + string.Join(", ", buckets.Select(b => (b.Records / (b.Key == buckets[^1].Key ? Math.Max(0.001, last - b.Key * interval) : interval)).ToString("N0", Culture))));
        text.AppendLine();
        text.AppendLine("p99 ms per interval: " + string.Join(", ", buckets.Select(b => b.P99.ToString("0", Culture))));
        text.AppendLine();
    }

    private void AppendErrors(StringBuilder text)
    {
        var failed = Warmup.Concat(Samples).Where(s => !s.Ok).ToList();
        if (failed.Count == 0)
        {
            text.AppendLine("Errors: none (every batch answered 200 with every record accepted).");
            text.AppendLine();
            return;
        }

        text.AppendLine("Errors by status code (0: no HTTP answer), warm-up included:");
        text.AppendLine();
        foreach (var group in failed.GroupBy(s => s.StatusCode).OrderBy(g => g.Key))
        {
            text.AppendLine(Culture, $"- {group.Key}: {group.Count()}, e.g. {group.First().Problem}");
        }

        text.AppendLine();
    }

    private string PerThousand(TimeSpan cpu) => (cpu.TotalMilliseconds * 1000 / Math.Max(1, Accepted)).ToString("0", Culture);

    private static string Verdict(bool met) => met ? "met" : "not met";
}
