using System.Diagnostics;
using System.Globalization;
using System.Text;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>The outcome of one run and its report, as markdown for docs/benchmarks.md.</summary>
internal sealed record DispatchRun(
    BenchmarkOptions Options,
    OfferSample[] Warmup,
    OfferSample[] Samples,
    TimeSpan Elapsed,
    ResourceUse Resources,
    DispatchCheck Check,
    string LoadBefore,
    string LoadAfter,
    string? ReportingFailure,
    string? SqlProfile)
{
    public const double GoalPerSecond = 500;
    public const double GoalP99Milliseconds = 50;

    private const int Fifths = 5;
    private const double KeptUpMargin = 0.02;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public int Dispatched => Samples.Count(s => s.Dispatched);

    public double PerSecond => Dispatched / Elapsed.TotalSeconds;

    /// <summary>
    /// Closed loop: the rate reached. Open loop: the rate offered can only be reached, not beaten, so the goal is met
    /// when the rate offered is the goal's and the hub kept up with it: every offer dispatched, and the measurement
    /// longer than its schedule by at most <see cref="KeptUpMargin"/> (a hub that falls behind piles up a queue).
    /// </summary>
    public bool ThroughputMet => Options.Rate is { } rate
        ? rate >= GoalPerSecond && Dispatched == Samples.Length && KeptUpWith(rate)
        : PerSecond >= GoalPerSecond;

    private string KeptUp => Options.Rate is { } rate
        ? string.Create(Culture, $" completed, {rate}/s offered on schedule: {(KeptUpWith(rate) ? "kept up" : "fell behind")}")
        : "";

    public bool HasErrors =>
        Warmup.Concat(Samples).Any(s => !s.Dispatched) || !Check.Passed(Warmup.Length + Samples.Length) || ReportingFailure is not null;

    public string Markdown()
    {
        var latencies = Sorted(Samples);
        var p99 = Percentiles.Of(latencies, 0.99);
        var text = new StringBuilder();
        text.AppendLine(Culture, $"Options: `{Options.CommandLine}`; load average before {LoadBefore}, after {LoadAfter}.");
        text.AppendLine();
        text.AppendLine("| Offers | Clients (or open-loop rate) | Dispatches/s | p50 ms | p90 ms | p99 ms | max ms | Errors | Hub CPU ms/offer | PostgreSQL CPU ms/offer | Harness CPU ms/offer | Machine busy | Hub RSS max (peak) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var load = Options.Rate is { } rate ? $"open loop, {rate}/s" : Options.Clients.ToString(Culture);
        text.AppendLine(Culture, $"| {Samples.Length} | {load} | {PerSecond:0} | {Percentiles.Of(latencies, 0.50):0.0} | {Percentiles.Of(latencies, 0.90):0.0} | {p99:0.0} | {latencies[^1]:0.0} | {Samples.Count(s => !s.Dispatched)} | {PerOffer(Resources.Hub)} | {PerOffer(Resources.Postgres)} | {PerOffer(Resources.Harness)} | {Resources.MachineBusy / Resources.MachineCapacity:P0} | {Resources.HubMaxDuringKiB / 1024.0:0} MiB ({Resources.HubPeakKiB / 1024.0:0} MiB) |");
        text.AppendLine();
        text.AppendLine(Culture,
            $"Goal ≥ {GoalPerSecond:0} dispatches/s: **{(ThroughputMet ? "met" : "not met")}** ({PerSecond:0.0}/s{KeptUp}); goal p99 < {GoalP99Milliseconds:0} ms: **{(p99 < GoalP99Milliseconds ? "met" : "not met")}** ({p99:0.0} ms). {Samples.Length} offers in {Elapsed.TotalSeconds:0.00} s.");
        text.AppendLine(Culture, $"CPU during the measurement: hub {Resources.Hub.TotalSeconds:0.0} s, PostgreSQL {Resources.Postgres.TotalSeconds:0.0} s, harness {Resources.Harness.TotalSeconds:0.0} s, whole machine {Resources.MachineBusy.TotalSeconds:0.0} s of {Resources.MachineCapacity.TotalSeconds:0.0} s (other processes {(Resources.MachineBusy - Resources.MachineSteal - Resources.Hub - Resources.Postgres - Resources.Harness).TotalSeconds:0.0} s, stolen by the hypervisor {Resources.MachineSteal.TotalSeconds:0.0} s).");
        text.AppendLine();
        AppendFifths(text);
        AppendErrors(text);
        text.AppendLine(Culture,
            $"Database after the run: {Check.Tickets} tickets, {Check.Offered} offered, {Check.Offers} offers of which {Check.Pending} pending; tickets offered twice: {Check.OfferedTwice}; without exactly one pending offer: {Check.NotExactlyOnePending}; ticket's receiver ≠ pending offer's: {Check.HolderMismatch}; answer's receiver ≠ stored: {Check.AnswerMismatch}; offers per receiver {Check.FewestPerReceiver}–{Check.MostPerReceiver}. **{(Check.Passed(Warmup.Length + Samples.Length) ? "Consistent" : "INCONSISTENT")}.**");
        if (ReportingFailure is not null)
        {
            text.AppendLine();
            text.AppendLine(Culture, $"Capacity reports failed during the run: {ReportingFailure}");
        }

        if (SqlProfile is not null)
        {
            text.AppendLine();
            text.AppendLine("SQL and requests during the measurement, from the hub's log (`--log-sql`: logging slows the hub, so the figures above are not comparable):");
            text.AppendLine();
            text.Append(SqlProfile);
        }

        return text.ToString();
    }

    /// <summary>The run in fifths, by the order offers were sent: does dispatch slow down as pending offers pile up?</summary>
    private void AppendFifths(StringBuilder text)
    {
        text.AppendLine("| Fifth of the run | pending offers before | dispatches/s | p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        var size = (Samples.Length + Fifths - 1) / Fifths;
        for (var i = 0; i * size < Samples.Length; i++)
        {
            var part = Samples.Skip(i * size).Take(size).ToArray();
            var latencies = Sorted(part);
            var seconds = Stopwatch.GetElapsedTime(part.Min(s => s.Started), part.Max(s => s.Ended)).TotalSeconds;
            text.AppendLine(Culture, $"| {i + 1} | {Warmup.Length + i * size} | {part.Count(s => s.Dispatched) / seconds:0} | {Percentiles.Of(latencies, 0.50):0.0} | {Percentiles.Of(latencies, 0.99):0.0} |");
        }

        text.AppendLine();
    }

    private void AppendErrors(StringBuilder text)
    {
        var failed = Warmup.Concat(Samples).Where(s => !s.Dispatched).ToList();
        if (failed.Count == 0)
        {
            text.AppendLine("Errors: none (every offer answered 200 with the ticket offered to a receiver).");
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

    private bool KeptUpWith(int rate) => PerSecond >= rate * (1 - KeptUpMargin);

    private string PerOffer(TimeSpan cpu) => (cpu.TotalMilliseconds / Samples.Length).ToString("0.00", Culture);

    private static List<double> Sorted(IEnumerable<OfferSample> samples)
    {
        var latencies = samples.Select(s => s.Latency.TotalMilliseconds).ToList();
        latencies.Sort();
        return latencies;
    }
}
