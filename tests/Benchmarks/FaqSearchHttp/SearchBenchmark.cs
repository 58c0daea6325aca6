using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LineaHub.Benchmarks.FaqSearch;
using LineaHub.Hub.Faq;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Tests.Faq;
using LineaHub.Testing;
using LineaHub.Testing.Load;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Benchmarks.FaqSearchHttp;

/// <summary>
/// One index size: a throwaway PostgreSQL, an in-process hub that creates the schema and joins the asking office,
/// the synthetic entries written straight into the FAQ table as published, then the hub as its own process (as
/// deployed), which builds its index from the database at start; clients search it over HTTP with the office's token.
/// </summary>
internal static partial class SearchBenchmark
{
    /// <summary>The asking office: L'Aquila, in Abruzzo (region 13), where the labelled queries' answers apply.</summary>
    private const string AskerCode = "066049";

    private const int WriteChunk = 2_000;

    private static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(200);

    private static readonly IReadOnlyList<string> Queries = [.. FaqTestSet.LoadQueries().Select(q => q.Text)];

    private static readonly IReadOnlyList<string> Paths = [.. Queries.Select(SearchPath)];

    private static readonly Uri[] Uris = [.. Paths.Select(path => new Uri(path, UriKind.Relative))];

    public static int QueryCount => Queries.Count;

    public static async Task<SearchRun> RunAsync(int size, SearchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var keys = TemporaryFolder.Create("faq-http-keys");
        var data = TemporaryFolder.Create("faq-http-hub");
        try
        {
            var shared = BenchmarkHub.SharedSettings(keys);
            Step(log, size, "starting PostgreSQL and the setup hub (in process)");
            await using var setup = await HubServer.StartAsync(StorageKind.Postgres, new Dictionary<string, string?>(shared), cancellationToken: cancellationToken);
            var admin = await setup.CreateAdminClientAsync(cancellationToken);
            var office = await NetworkSetup.JoinAsync(setup.CreateClient(), admin, new CreateNodeRequest(
                "URP Comune dell'Aquila (benchmark)", NodeKinds.Comune, AskerCode, SyntheticFaq.AskerRegion, [], ["it"], []), cancellationToken);

            var writing = Stopwatch.StartNew();
            await WriteEntriesAsync(setup, office.Id, SyntheticFaq.Generate(size), cancellationToken);
            Step(log, size, string.Create(CultureInfo.InvariantCulture, $"{size:N0} published entries written in {writing.Elapsed.TotalSeconds:0.0} s"));

            var settings = BenchmarkHub.ProcessSettings(shared, setup.Database.ConnectionString, data, [
                new("Logging:LogLevel:LineaHub.Hub.Faq.FaqIndexSync", "Information"),
            ]);
            var starting = Stopwatch.StartNew();
            await using var hub = await HubProcess.StartAsync(settings, cancellationToken);
            var hubStart = starting.Elapsed;
            var (hubId, _) = await BenchmarkHub.ProcessIdsAsync(cancellationToken);
            var build = IndexBuilt().Match(hub.Output) is { Success: true } match ? match.Groups[1].Value + " ms" : "not logged";
            var rssReady = ProcFs.StatusKiB(hubId, "VmRSS") ?? 0;
            Step(log, size, $"hub process {hubId} ready in {hubStart.TotalSeconds:0.0} s (index built in {build})");

            using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = options.Clients };
            using var client = new HttpClient(handler) { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = office.Authorization;
            await ExpectAnswersAsync(client, cancellationToken);

            var load = options.Load == "wrk"
                ? (Func<TimeSpan, Task<LoadResult>>)(duration => WrkLoad.RunAsync(hub.BaseAddress, office.Authorization.ToString(), Paths, options.Clients, duration, cancellationToken))
                : duration => LoadAsync(client, options.Clients, duration, cancellationToken);
            var warmup = await load(options.Warmup);
            Step(log, size, "warm-up done");
            await using var memory = MemorySampler.Start(hubId, MemorySampleInterval);
            var hubBefore = ProcFs.TreeCpuTime(hubId);
            var measured = options.Rate is { } rate
                ? await LoadAtRateAsync(client, rate, options.Duration, log, cancellationToken)
                : await load(options.Duration);
            var hubCpu = ProcFs.TreeCpuTime(hubId) - hubBefore;
            var maxRss = await memory.StopAsync();
            Step(log, size, string.Create(CultureInfo.InvariantCulture, $"{measured.Count:N0} searches measured in {measured.Elapsed.TotalSeconds:0.0} s, {measured.Errors} errors ({options.Load})"));

            // Every search the hub answered should reach its search log; the writer drains its buffer every second.
            var sent = Queries.Count + warmup.Count + measured.Count;
            var logged = await LoggedAsync(setup, sent, cancellationToken);
            var warnings = SearchLogWarning().Count(hub.Output);
            return new SearchRun(size, hubStart, build, measured, hubCpu, maxRss, rssReady, CpuSnapshot.LoadAverage(), sent, logged, warnings);
        }
        finally
        {
            TemporaryFolder.TryDelete(keys);
            TemporaryFolder.TryDelete(data);
        }
    }

    /// <summary>
    /// Writes the entries as published, as if edited and approved over time: local entries of the synthetic asker
    /// entity become the joined office's, so that the office sees its own local entries as it would in production.
    /// </summary>
    private static async Task WriteEntriesAsync(HubServer setup, Guid owner, List<FaqEntry> entries, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var chunk in entries.Chunk(WriteChunk))
        {
            await using var db = setup.Database.CreateDbContext();
            db.FaqEntries.AddRange(chunk.Select(entry => new StoredFaqEntry
            {
                Id = Guid.CreateVersion7(),
                Question = entry.Question,
                Answer = entry.Answer,
                CategoryCode = entry.CategoryCode,
                Keywords = [.. entry.Keywords],
                Scope = entry.Scope,
                RegionCode = entry.Scope == FaqScope.Local && entry.EntityCode == SyntheticFaq.AskerEntity ? SyntheticFaq.AskerRegion : entry.RegionCode,
                EntityCode = entry.EntityCode == SyntheticFaq.AskerEntity ? AskerCode : entry.EntityCode,
                ValidFrom = entry.ValidFrom,
                ValidTo = entry.ValidTo,
                OwnerNodeId = owner,
                Status = FaqStatus.Published,
                Version = entry.Version,
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        await using var counter = setup.Database.CreateDbContext();
        await counter.FaqChangeCounters
            .Where(c => c.Name == FaqChangeCounter.FaqName)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Value, entries.Count), cancellationToken);
    }

    /// <summary>Rows in the hub's search log once it stops growing (or reaches <paramref name="expected"/>).</summary>
    private static async Task<long> LoggedAsync(HubServer setup, long expected, CancellationToken cancellationToken)
    {
        var logged = -1L;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await using var db = setup.Database.CreateDbContext();
            var now = await db.FaqSearchLog.LongCountAsync(cancellationToken);
            if (now >= expected || now == logged)
            {
                return now;
            }

            logged = now;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return logged;
    }

    /// <summary>Every labelled query answers 200 before anything is timed, so a broken setup fails at once.</summary>
    private static async Task ExpectAnswersAsync(HttpClient client, CancellationToken cancellationToken)
    {
        foreach (var uri in Uris)
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            await NetworkSetup.ExpectAsync(response, HttpStatusCode.OK, "search", cancellationToken);
        }
    }

    /// <summary>
    /// <paramref name="clients"/> loops, each sending its next search when the answer is read, cycling the labelled
    /// queries from a different starting point, for <paramref name="duration"/>.
    /// </summary>
    private static async Task<LoadResult> LoadAsync(
        HttpClient client, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var errors = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var latencies = new List<double>();
            for (var i = c * Uris.Length / clients; Stopwatch.GetTimestamp() < end; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(Uris[i % Uris.Length], HttpCompletionOption.ResponseContentRead, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return latencies;
        }, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return LoadResult.FromLatencies(Percentiles.Sorted(perClient.SelectMany(l => l)), errors, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    /// <summary>
    /// Open loop: one search due every 1/<paramref name="perSecond"/> s for <paramref name="duration"/>, sent when due
    /// whatever the earlier ones are doing (the client's connection limit queues them), each timed from when it was
    /// due, so that a slow answer delays no later measurement (no coordinated omission).
    /// </summary>
    private static async Task<LoadResult> LoadAtRateAsync(
        HttpClient client, int perSecond, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        var searches = new Task<(double Milliseconds, bool Ok)>[(int)(perSecond * duration.TotalSeconds)];
        var late = new double[searches.Length];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var schedule = new FixedRate(perSecond);
        for (var i = 0; i < searches.Length; i++)
        {
            var due = await schedule.DueAsync(i, cancellationToken);
            late[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            searches[i] = SearchAsync(client, Uris[i % Uris.Length], due, cancellationToken);
        }

        var lateness = Percentiles.Sorted(late);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"open loop: searches sent behind their due time by p50 {Percentiles.Of(lateness, 0.5):0.00} ms, p99 {Percentiles.Of(lateness, 0.99):0.00} ms, max {lateness[^1]:0.0} ms"));

        var results = await Task.WhenAll(searches);
        var elapsed = Stopwatch.GetElapsedTime(schedule.Started);
        return LoadResult.FromLatencies(
            Percentiles.Sorted(results.Select(r => r.Milliseconds)), results.Count(r => !r.Ok), elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    private static async Task<(double Milliseconds, bool Ok)> SearchAsync(HttpClient client, Uri uri, long due, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return (Stopwatch.GetElapsedTime(due).TotalMilliseconds, response.StatusCode == HttpStatusCode.OK);
    }

    private static string SearchPath(string query) => $"/api/v1/faq/search?q={Uri.EscapeDataString(query)}&limit=10";

    private static void Step(TextWriter log, int size, string what) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {size:N0} entries: {what}"));

    [GeneratedRegex(@"FAQ index built: \d+ published entries, version \d+, in (\d+) ms")]
    private static partial Regex IndexBuilt();

    // FaqSearchLogWriter's warnings: a full buffer, or a batch the database refused.
    [GeneratedRegex(@"FAQ search log( queue was full|: \d+ searches could not be written)")]
    private static partial Regex SearchLogWarning();
}
