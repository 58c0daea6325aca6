using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>What one run does; every count is bounded so that a run ends on its own.</summary>
/// <param name="Tickets">Offers measured, one per ticket, all opened before the measurement.</param>
/// <param name="Clients">Concurrent clients, each offering as fast as the hub answers (closed loop; also the warm-up's).</param>
/// <param name="Receivers">Offices with idle capacity, competent for the tickets' category.</param>
/// <param name="Origins">Offices that open and offer the tickets (no capacity reported: never receivers).</param>
/// <param name="Warmup">Offers made first and not counted (JIT, connection pools, caches).</param>
/// <param name="IdempotencyKey">Send an <c>Idempotency-Key</c> with every offer, as the agent's outbox does.</param>
/// <param name="LogSql">Log every SQL command of the hub and summarise them per offer (slows the hub: for profiling only).</param>
/// <param name="HubSettings">Extra configuration keys for the hub process (<c>--hub-setting Key=Value</c>), e.g. to try a setting.</param>
/// <param name="ConnectionOptions">Appended to the hub process's connection string (<c>--npgsql "Max Auto Prepare=20"</c>).</param>
/// <param name="Rate">Open loop: offers sent at this fixed rate per second whatever the answers, instead of by the clients.</param>
internal sealed record BenchmarkOptions(
    int Tickets,
    int Clients,
    int Receivers,
    int Origins,
    int Warmup,
    bool IdempotencyKey,
    bool LogSql,
    IReadOnlyList<KeyValuePair<string, string>> HubSettings,
    string? ConnectionOptions,
    int? Rate = null)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks/DispatchThroughput [-- options]
          --tickets N              offers measured (default 6000)
          --clients N              concurrent clients (default 16)
          --rate N                 open loop instead: N offers a second on a fixed schedule over at most --clients
                                   connections, latency from each offer's scheduled time (the warm-up still runs
                                   closed-loop with the clients)
          --receivers N            receiving offices (default 50)
          --origins N              offering offices (default 10)
          --warmup N               offers before the measurement, not counted (default 15000: the hub's JIT reaches its steady state)
          --no-idempotency-key     offer without Idempotency-Key (the agent's outbox always sends one)
          --log-sql                log the hub's SQL and count commands per offer (profiling; slows the hub)
          --hub-setting KEY=VALUE  extra configuration for the hub process (repeatable), e.g. Overflow:RecentWindowSeconds=60
          --npgsql "KEY=VALUE"     appended to the hub process's connection string, e.g. "Max Auto Prepare=20"
        """;

    public static BenchmarkOptions Default { get; } = new(6000, 16, 50, 10, 15000, IdempotencyKey: true, LogSql: false, [], null);

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out BenchmarkOptions? options, out string problem)
    {
        options = Default;
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--no-idempotency-key":
                    options = options with { IdempotencyKey = false };
                    continue;
                case "--log-sql":
                    options = options with { LogSql = true };
                    continue;
                case "--hub-setting" when i + 1 < args.Count && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0:
                    var setting = args[++i].Split('=', 2);
                    options = options with { HubSettings = [.. options.HubSettings, new(setting[0], setting[1])] };
                    continue;
                case "--npgsql" when i + 1 < args.Count:
                    options = options with { ConnectionOptions = args[++i] };
                    continue;
            }

            if (args[i] is not ("--tickets" or "--clients" or "--receivers" or "--origins" or "--warmup" or "--rate"))
            {
                problem = $"Unknown option {args[i]}.";
                options = null;
                return false;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                problem = $"{args[i]} takes a positive whole number.";
                options = null;
                return false;
            }

            i++;
            switch (args[i - 1])
            {
                case "--tickets":
                    options = options with { Tickets = value };
                    break;
                case "--clients":
                    options = options with { Clients = value };
                    break;
                case "--receivers":
                    options = options with { Receivers = value };
                    break;
                case "--origins":
                    options = options with { Origins = value };
                    break;
                case "--rate":
                    options = options with { Rate = value };
                    break;
                default:
                    options = options with { Warmup = value };
                    break;
            }
        }

        return true;
    }

    /// <summary>The options as a command line, for the report.</summary>
    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"--tickets {Tickets} --clients {Clients} --receivers {Receivers} --origins {Origins} --warmup {Warmup}{(IdempotencyKey ? "" : " --no-idempotency-key")}{(LogSql ? " --log-sql" : "")}{(Rate is { } rate ? $" --rate {rate}" : "")}")
        + string.Concat(HubSettings.Select(s => $" --hub-setting {s.Key}={s.Value}"))
        + (ConnectionOptions is null ? "" : $" --npgsql \"{ConnectionOptions}\"");
}
