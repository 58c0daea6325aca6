using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>
/// What the hub's log says it did during the measurement, when run with EF Core's command and transaction log and
/// ASP.NET Core's request log on (<c>--log-sql</c>): each SQL command by shape (verb and tables), each transaction
/// step, and the server-side duration of each request.
/// </summary>
internal sealed partial class SqlProfile
{
    /// <summary>Configuration keys that make the hub log what this profile reads.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        // "Compiling query expression": a query that missed EF Core's query cache and is translated again.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Query"] = "Debug",
    };

    private readonly Dictionary<string, (int Count, long Milliseconds)> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> requests = new(StringComparer.Ordinal);

    /// <summary>Reads the log lines of the hub (the simple console format: a header line, then indented message lines).</summary>
    public static SqlProfile Parse(string log)
    {
        var profile = new SqlProfile();
        string? category = null;
        var message = new List<string>();
        foreach (var line in log.Split('\n'))
        {
            var header = HeaderLine().Match(line);
            if (header.Success)
            {
                profile.Add(category, message);
                category = header.Groups["category"].Value;
                message.Clear();
            }
            else if (category is not null && line.StartsWith("      ", StringComparison.Ordinal))
            {
                message.Add(line.Trim());
            }
        }

        profile.Add(category, message);
        return profile;
    }

    /// <summary>A markdown summary per offer: <paramref name="offers"/> is how many offers the log covers.</summary>
    public string Summary(int offers)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| SQL command (verb and tables; one command is one round trip) | count | per offer | total ms (as logged, whole ms) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (shape, (count, milliseconds)) in commands.OrderByDescending(c => c.Value.Count))
        {
            text.AppendLine(culture, $"| `{shape}` | {count} | {(double)count / offers:0.00} | {milliseconds} |");
        }

        var totalCommands = commands.Values.Sum(c => c.Count);
        text.AppendLine(culture, $"| **all commands** | {totalCommands} | {(double)totalCommands / offers:0.00} | {commands.Values.Sum(c => c.Milliseconds)} |");
        text.AppendLine();
        text.AppendLine("| EF Core transaction step, query compilation | count | per offer |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (step, count) in transactions.OrderByDescending(t => t.Value))
        {
            text.AppendLine(culture, $"| {step} | {count} | {(double)count / offers:0.00} |");
        }

        text.AppendLine();
        text.AppendLine("| Request (server side, from Kestrel's first byte to the last) | count | p50 ms | p99 ms | mean ms |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (route, durations) in requests.OrderByDescending(r => r.Value.Count))
        {
            durations.Sort();
            text.AppendLine(culture, $"| {route} | {durations.Count} | {Percentiles.Of(durations, 0.50):0.0} | {Percentiles.Of(durations, 0.99):0.0} | {durations.Average():0.0} |");
        }

        return text.ToString();
    }

    private void Add(string? category, List<string> message)
    {
        if (category is null || message.Count == 0)
        {
            return;
        }

        switch (category)
        {
            case "Microsoft.EntityFrameworkCore.Database.Command":
                var executed = ExecutedLine().Match(message[0]);
                if (executed.Success)
                {
                    var shape = SqlShape.Of(string.Join('\n', message.Skip(1)));
                    var (count, milliseconds) = commands.GetValueOrDefault(shape);
                    commands[shape] = (count + 1, milliseconds + long.Parse(executed.Groups["ms"].Value, CultureInfo.InvariantCulture));
                }

                break;
            case "Microsoft.EntityFrameworkCore.Query" when message[0].StartsWith("Compiling query expression", StringComparison.Ordinal):
                var expression = string.Join(' ', message.Skip(1));
                var query = $"query compiled (EF Core query cache missed): `{(expression.Length > 120 ? expression[..120] + "…" : expression)}`";
                transactions[query] = transactions.GetValueOrDefault(query) + 1;
                break;
            case "Microsoft.EntityFrameworkCore.Database.Transaction":
                // "Creating transaction savepoint 'x'." and "Committed transaction." alike, without names.
                var step = Quoted().Replace(message[0], "…").TrimEnd('.');
                transactions[step] = transactions.GetValueOrDefault(step) + 1;
                break;
            case "Microsoft.AspNetCore.Hosting.Diagnostics":
                var finished = FinishedLine().Match(message[0]);
                if (finished.Success)
                {
                    var route = string.Create(CultureInfo.InvariantCulture,
                        $"{finished.Groups["method"].Value} {TicketCode().Replace(finished.Groups["path"].Value, "{code}")} → {finished.Groups["status"].Value}");
                    if (!requests.TryGetValue(route, out var durations))
                    {
                        requests[route] = durations = [];
                    }

                    durations.Add(double.Parse(finished.Groups["ms"].Value, CultureInfo.InvariantCulture));
                }

                break;
        }
    }

    [GeneratedRegex(@"^(trce|dbug|info|warn|fail|crit): (?<category>[^\[\s]+)\[\d+\]")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^Executed DbCommand \((?<ms>\d+)ms\)")]
    private static partial Regex ExecutedLine();

    [GeneratedRegex(@"^Request finished HTTP/[\d.]+ (?<method>[A-Z]+) https?://[^/]+(?<path>/\S*) - (?<status>\d{3}) .* (?<ms>[\d.]+)ms$")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<=/tickets/)[^/]+")]
    private static partial Regex TicketCode();
}
