using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>What one run does; every count is bounded so that a run ends on its own.</summary>
/// <param name="Records">Records measured (whole batches), after the warm-up.</param>
/// <param name="Warmup">Records sent first and not measured (JIT, pools, the first partitions).</param>
/// <param name="Senders">Concurrent senders, each posting its next batch as soon as the last is answered.</param>
/// <param name="Offices">Offices (municipalities) that join and send, each with its own token.</param>
/// <param name="Days">Records are closed in the last this many days (as an agent sends what it just closed).</param>
/// <param name="MaxSeconds">The measurement stops after this long even if records are left.</param>
public sealed record IngestionOptions(
    int Records, int Warmup, int Senders, int Offices, int Days, int BatchSize, int MaxSeconds, int Seed,
    IReadOnlyList<KeyValuePair<string, string>> HubSettings)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks/ArchiveIngestion [-- options]
          --records N              records measured (default 600000), sent in whole batches
          --warmup N               records sent first, not measured (default 30000)
          --senders N              concurrent senders (default 8)
          --offices N              offices that join and send (default 20)
          --days N                 records closed in the last N days (default 7)
          --batch N                records per batch (default 1000, the most the hub takes)
          --max-seconds N          stop measuring after N s (default 300)
          --seed N                 synthetic archive seed (default 42)
          --hub-setting KEY=VALUE  extra configuration for the hub process (repeatable)
          --profile-stages         alone: time the intake's in-process steps per record (no hub, no database)
        """;

    public const int IntervalSeconds = 5;

    public static IngestionOptions Default { get; } = new(600_000, 30_000, 8, 20, 7, 1000, 300, 42, []);

    public int MeasuredBatches => (Records + BatchSize - 1) / BatchSize;

    public int WarmupBatches => (Warmup + BatchSize - 1) / BatchSize;

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"--records {Records} --warmup {Warmup} --senders {Senders} --offices {Offices} --days {Days} --batch {BatchSize} --max-seconds {MaxSeconds} --seed {Seed}")
        + string.Concat(HubSettings.Select(s => $" --hub-setting {s.Key}={s.Value}"));

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out IngestionOptions? options, out string problem)
    {
        options = Default;
        problem = "";
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] == "--hub-setting" && i + 1 < args.Count && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0)
            {
                var setting = args[i + 1].Split('=', 2);
                options = options with { HubSettings = [.. options.HubSettings, new(setting[0], setting[1])] };
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                problem = $"{args[i]} takes a positive whole number.";
                options = null;
                return false;
            }

            options = args[i] switch
            {
                "--records" => options with { Records = value },
                "--warmup" => options with { Warmup = value },
                "--senders" => options with { Senders = value },
                "--offices" => options with { Offices = value },
                "--days" => options with { Days = value },
                "--batch" => options with { BatchSize = Math.Min(value, 1000) },
                "--max-seconds" => options with { MaxSeconds = value },
                "--seed" => options with { Seed = value },
                _ => null,
            };
            if (options is null)
            {
                problem = $"Unknown option {args[i]}.";
                return false;
            }
        }

        return true;
    }
}
