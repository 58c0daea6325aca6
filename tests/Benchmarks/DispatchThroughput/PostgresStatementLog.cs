using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LineaHub.Testing;
using Npgsql;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>
/// PostgreSQL's own account of the measurement: with <c>log_min_duration_statement = 0</c> the server logs every
/// phase of every statement with its duration (parse; bind, which plans an unprepared statement; execute), so the
/// summary shows what each kind of statement costs the server per offer.
/// </summary>
internal sealed partial class PostgresStatementLog
{
    private readonly string adminConnectionString;
    private readonly string logFile;
    private readonly long offset;

    private PostgresStatementLog(string adminConnectionString, string logFile)
    {
        this.adminConnectionString = adminConnectionString;
        this.logFile = logFile;
        offset = new FileInfo(logFile).Length;
    }

    public static async Task<PostgresStatementLog> StartAsync(PostgresCluster cluster, CancellationToken cancellationToken)
    {
        var log = new PostgresStatementLog(cluster.AdminConnectionString, Path.Combine(cluster.RootDirectory, "server.log"));
        await log.ConfigureAsync("ALTER SYSTEM SET log_min_duration_statement = 0", cancellationToken);
        return log;
    }

    /// <summary>Stops logging and summarises what was logged since the start, per offer.</summary>
    public async Task<string> StopAsync(int offers, CancellationToken cancellationToken)
    {
        await ConfigureAsync("ALTER SYSTEM RESET log_min_duration_statement", cancellationToken);
        string text;
        await using (var file = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            file.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(file);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        return Summary(Parse(text), offers);
    }

    private static Dictionary<string, Dictionary<string, (int Count, double Milliseconds)>> Parse(string text)
    {
        var byShape = new Dictionary<string, Dictionary<string, (int Count, double Milliseconds)>>(StringComparer.Ordinal);
        Match? current = null;
        var sql = new StringBuilder();
        foreach (var line in text.Split('\n').Append(""))
        {
            if (line.StartsWith('\t'))
            {
                sql.Append('\n').Append(line);
                continue;
            }

            if (current is not null)
            {
                var shape = SqlShape.Of(sql.ToString());
                if (!byShape.TryGetValue(shape, out var phases))
                {
                    byShape[shape] = phases = new Dictionary<string, (int, double)>(StringComparer.Ordinal);
                }

                var phase = current.Groups["phase"].Value == "statement" ? "execute" : current.Groups["phase"].Value;
                var (count, milliseconds) = phases.GetValueOrDefault(phase);
                phases[phase] = (count + 1, milliseconds + double.Parse(current.Groups["ms"].Value, CultureInfo.InvariantCulture));
            }

            var duration = DurationLine().Match(line);
            current = duration.Success ? duration : null;
            sql.Clear().Append(duration.Success ? duration.Groups["sql"].Value : "");
        }

        return byShape;
    }

    private static string Summary(Dictionary<string, Dictionary<string, (int Count, double Milliseconds)>> byShape, int offers)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| Statement at the server (verb and tables) | per offer | parse ms | bind + plan ms | execute ms | server ms per offer |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        double Mean(Dictionary<string, (int Count, double Milliseconds)> phases, string phase) =>
            phases.TryGetValue(phase, out var p) ? p.Milliseconds / p.Count : 0;
        double Total(Dictionary<string, (int Count, double Milliseconds)> phases) => phases.Values.Sum(p => p.Milliseconds);
        foreach (var (shape, phases) in byShape.OrderByDescending(s => Total(s.Value)))
        {
            var count = phases.Values.Max(p => p.Count);
            text.AppendLine(culture,
                $"| `{shape}` | {(double)count / offers:0.00} | {Mean(phases, "parse"):0.000} | {Mean(phases, "bind"):0.000} | {Mean(phases, "execute"):0.000} | {Total(phases) / offers:0.000} |");
        }

        double Phase(string phase) => byShape.Values.Sum(p => p.TryGetValue(phase, out var v) ? v.Milliseconds : 0) / offers;
        text.AppendLine(culture,
            $"| **all** (parse {Phase("parse"):0.00}, bind + plan {Phase("bind"):0.00}, execute {Phase("execute"):0.00}) | | | | | {byShape.Values.Sum(Total) / offers:0.00} |");
        return text.ToString();
    }

    private async Task ConfigureAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var statement in new[] { sql, "SELECT pg_reload_conf()" })
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [GeneratedRegex(@"^\S+ \S+ \S+ \[\d+\] LOG:  duration: (?<ms>[\d.]+) ms  (?<phase>parse|bind|execute|statement)[^:]*: (?<sql>.*)$")]
    private static partial Regex DurationLine();
}
