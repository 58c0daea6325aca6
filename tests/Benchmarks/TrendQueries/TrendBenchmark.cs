using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LineaHub.Benchmarks.ArchiveGenerator;
using LineaHub.Hub.Analytics;
using LineaHub.Hub.Auth;
using LineaHub.Schemas.Auth;
using LineaHub.Testing;
using LineaHub.Testing.Load;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LineaHub.Benchmarks.TrendQueries;

/// <summary>
/// Fills a throwaway PostgreSQL with a synthetic archive (<see cref="GeneratedHub"/>), starts the hub as its own
/// process on it, and times the analytics REST API with an analyst's token: each query shape sequentially, then from
/// several clients at once.
/// </summary>
public static class TrendBenchmark
{
    public const double GoalP99Milliseconds = 100;

    private const int Warmup = 20;

    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(5);

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static async Task<string> RunAsync(GeneratorOptions options, int goalRuns, int otherRuns, int clients, TextWriter log, CancellationToken cancellationToken)
    {
        var keys = TemporaryFolder.Create("trends-keys");
        var data = TemporaryFolder.Create("trends-hub");
        try
        {
            var shared = BenchmarkHub.SharedSettings(keys);
            await using var generated = await GeneratedHub.CreateAsync(options, new Dictionary<string, string?>(shared), log, cancellationToken);
            var connectionString = generated.Setup.Database.ConnectionString;
            var analyse = Stopwatch.StartNew();
            await ExecuteAsync(connectionString, "VACUUM ANALYZE", cancellationToken);
            GeneratedHub.Step(log, string.Create(Culture, $"VACUUM ANALYZE in {analyse.Elapsed.TotalSeconds:0} s"));
            var summary = await ArchiveSummary.DescribeAsync(connectionString, generated.Archive, cancellationToken);

            await using var hub = await HubProcess.StartAsync(BenchmarkHub.ProcessSettings(shared, connectionString, data), cancellationToken);
            using var client = await AnalystClientAsync(generated.Setup, hub.BaseAddress, cancellationToken);

            // The last whole year of the archive, and its last quarter for growth against the one before.
            var to = generated.Archive.To;
            var year = to.AddYears(-1);
            var quarter = to.AddMonths(-3);
            QueryShape[] shapes =
            [
                new("Weekly trend by category, one year, all entities (the goal)", $"/api/v1/analytics/trends?bucket=week&from={year:yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy=category", true),
                new("Monthly trend by region, one year", $"/api/v1/analytics/trends?bucket=month&from={year:yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy=region", false),
                new("Weekly trend by top-level category in one region, one year", $"/api/v1/analytics/trends?bucket=week&from={year:yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy=topCategory&region=03", false),
                new("Daily trend by channel, one year", $"/api/v1/analytics/trends?bucket=day&from={year:yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy=channel", false),
                new("Top 10 categories with growth, last quarter vs the one before", $"/api/v1/analytics/top-categories?from={quarter:yyyy-MM-dd}&to={to:yyyy-MM-dd}&limit=10", false),
                new("Duration percentiles (50/90/99) by category, one year", $"/api/v1/analytics/durations?from={year:yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy=category", false),
            ];

            var text = new StringBuilder();
            text.AppendLine(Culture, $"Archive: `{options.CommandLine}`: {generated.Fill.Written:N0} records generated and written in {generated.Fill.Elapsed.TotalSeconds:0} s ({generated.Fill.PerSecond:N0}/s). Queries: the goal {goalRuns} sequential, then {goalRuns} from {clients} clients at once, the other shapes {otherRuns} and {otherRuns}, after at least {Warmup} warm-up requests and {WarmupTime.TotalSeconds:0} s per shape. Load average at the end: {CpuSnapshot.LoadAverage()}.");
            text.AppendLine();
            text.AppendLine("| Query | Answer | Sequential p50 ms | p90 | p99 | max | Concurrent p50 ms | p90 | p99 | max | Requests/s concurrent |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var shape in shapes)
            {
                var (status, bytes) = await GetAsync(client, shape.PathAndQuery, cancellationToken);
                if (status != HttpStatusCode.OK)
                {
                    text.AppendLine(Culture, $"| {shape.Name} | {(int)status}: {Encoding.UTF8.GetString(bytes)[..Math.Min(200, bytes.Length)]} | | | | | | | | | |");
                    continue;
                }

                // At least Warmup requests and WarmupTime: the hub process's code reaches its optimised tier only after
                // some calls and a quiet moment, and a hub serves for days after that.
                var warming = Stopwatch.StartNew();
                for (var i = 0; i < Warmup || warming.Elapsed < WarmupTime; i++)
                {
                    await GetAsync(client, shape.PathAndQuery, cancellationToken);
                }

                var runs = shape.IsGoal ? goalRuns : otherRuns;
                var sequential = await TimeAsync(client, shape.PathAndQuery, runs, 1, cancellationToken);
                var concurrent = await TimeAsync(client, shape.PathAndQuery, runs, clients, cancellationToken);
                text.AppendLine(Culture,
                    $"| {shape.Name} | {bytes.Length / 1024.0:0.0} KiB | {Row(sequential.Latencies)} | {Row(concurrent.Latencies)} | {runs / concurrent.Elapsed.TotalSeconds:0} |");
                if (shape.IsGoal)
                {
                    var p99 = Percentiles.Of(sequential.Latencies, 0.99);
                    var p99Concurrent = Percentiles.Of(concurrent.Latencies, 0.99);
                    text.Insert(0, string.Create(Culture,
                        $"Goal p99 < {GoalP99Milliseconds:0} ms for a one-year weekly trend by category across all entities: **{(p99 < GoalP99Milliseconds ? "met" : "not met")}** sequentially ({p99:0.0} ms), **{(p99Concurrent < GoalP99Milliseconds ? "met" : "not met")}** with {clients} clients ({p99Concurrent:0.0} ms).{Environment.NewLine}{Environment.NewLine}"));
                }
            }

            text.AppendLine();
            text.AppendLine(await InProcessSplitAsync(generated.Setup, year, to, goalRuns, cancellationToken));
            text.AppendLine();
            text.AppendLine(summary);
            return text.ToString();
        }
        finally
        {
            TemporaryFolder.TryDelete(keys);
            TemporaryFolder.TryDelete(data);
        }
    }

    /// <summary>
    /// Where the goal query's time goes: the same trend run in process by the setup hub on the same database (SQL, rows
    /// read back, series built; no HTTP, no token, no JSON), and its SQL alone as PostgreSQL reports it.
    /// </summary>
    private static async Task<string> InProcessSplitAsync(HubServer setup, DateOnly from, DateOnly to, int runs, CancellationToken cancellationToken)
    {
        var request = new TrendRequest(TimeBucket.Week, from, to, [TrendDimension.Category], AnalyticsFilter.None);
        var viewer = new AnalyticsViewer(OwnEntity: null, MinimumCellCount: 5);
        var latencies = new double[runs + Warmup];
        string? sql = null;
        for (var i = 0; i < latencies.Length; i++)
        {
            await using var scope = setup.Services.CreateAsyncScope();
            var query = scope.ServiceProvider.GetRequiredService<TrendQuery>();
            sql ??= query.SqlOf(request, viewer);
            var start = Stopwatch.GetTimestamp();
            await query.RunAsync(request, viewer, cancellationToken);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var sorted = Percentiles.Sorted(latencies[Warmup..]);
        var plan = await ExplainAsync(setup.Database.ConnectionString, sql!, cancellationToken);
        return string.Create(Culture,
            $"Goal query in process ({runs} runs after {Warmup}: SQL, rows read back, series built; no HTTP, token or JSON): p50 {Percentiles.Of(sorted, 0.5):0.0} ms, p90 {Percentiles.Of(sorted, 0.9):0.0}, p99 {Percentiles.Of(sorted, 0.99):0.0}. Its SQL as PostgreSQL runs it: {plan}.");
    }

    private static async Task<string> ExplainAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var times = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + Inlined(sql), connection);
            var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement[0];
            times.Add(string.Create(Culture, $"{root.GetProperty("Execution Time").GetDouble():0.0}"));
        }

        return $"execution {string.Join(", ", times)} ms in 5 runs";
    }

    /// <summary>EF Core's query string with its parameters (given as <c>-- @name='value'</c> lines) written in as literals.</summary>
    private static string Inlined(string queryString)
    {
        var lines = queryString.Split('\n');
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("-- @", StringComparison.Ordinal)));
        foreach (var line in lines.Where(l => l.StartsWith("-- @", StringComparison.Ordinal)).OrderByDescending(l => l.IndexOf('=', StringComparison.Ordinal)))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = line[3..equals];
            var value = line[(equals + 1)..];
            var literal = value[..(value.LastIndexOf('\'') + 1)];
            sql = sql.Replace(name, literal, StringComparison.Ordinal);
        }

        return sql;
    }

    private static string Row(List<double> sorted) => string.Create(Culture,
        $"{Percentiles.Of(sorted, 0.5):0.0} | {Percentiles.Of(sorted, 0.9):0.0} | {Percentiles.Of(sorted, 0.99):0.0} | {sorted[^1]:0.0}");

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> TimeAsync(
        HttpClient client, string pathAndQuery, int runs, int clients, CancellationToken cancellationToken)
    {
        var latencies = new double[runs];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < runs)
            {
                var start = Stopwatch.GetTimestamp();
                var (status, _) = await GetAsync(client, pathAndQuery, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{pathAndQuery} answered {(int)status} during the measurement.");
                }
            }
        }, cancellationToken)));
        return (Percentiles.Sorted(latencies), Stopwatch.GetElapsedTime(started));
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(HttpClient client, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>An analyst client (as <c>analyst create</c> makes one) and its <c>analytics.read</c> token from the hub process.</summary>
    private static async Task<HttpClient> AnalystClientAsync(HubServer setup, Uri hub, CancellationToken cancellationToken)
    {
        AnalystCredentials credentials;
        await using (var scope = setup.Services.CreateAsyncScope())
        {
            credentials = await scope.ServiceProvider.GetRequiredService<AnalystClients>().CreateAsync("benchmark", cancellationToken);
        }

        var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.ClientSecret,
            ["scope"] = HubScopes.Analytics,
        }), cancellationToken);
        await NetworkSetup.ExpectAsync(response, HttpStatusCode.OK, "analyst token", cancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
