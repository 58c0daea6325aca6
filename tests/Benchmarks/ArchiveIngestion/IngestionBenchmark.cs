using System.Globalization;
using System.Text.Json;
using LineaHub.Benchmarks.ArchiveGenerator;
using LineaHub.Schemas.Archive;
using LineaHub.Testing;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>
/// One run: a throwaway PostgreSQL, an in-process hub that creates the schema and joins the offices (their tokens),
/// then the hub as its own process (as deployed) on the same database, which the batches are sent to.
/// </summary>
public static class IngestionBenchmark
{
    private static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Batches sent again after the run with their own key (must be replayed) and with a new key (already stored).</summary>
    private const int Retries = 10;

    public static async Task<IngestionRun> RunAsync(IngestionOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var keys = TemporaryFolder.Create("ingestion-keys");
        var data = TemporaryFolder.Create("ingestion-hub");
        try
        {
            var shared = BenchmarkHub.SharedSettings(keys);

            Step(log, "starting PostgreSQL and the setup hub (in process)");
            await using var setup = await HubServer.StartAsync(StorageKind.Postgres, new Dictionary<string, string?>(shared)
            {
                ["Nodes:JoinPermitsPerMinute"] = "10000",
            }, cancellationToken: cancellationToken);
            var admin = await setup.CreateAdminClientAsync(cancellationToken);
            var entities = SyntheticNetwork.Municipalities(options.Seed, options.Offices);
            var offices = await NetworkSetup.JoinAsync(setup.CreateClient(), admin, [.. entities.Select(SyntheticNetwork.NodeOf)], cancellationToken);
            Step(log, $"{offices.Count} offices joined");

            var batches = Prepare(options, entities, offices);
            var warmupBatches = batches.Take(options.WarmupBatches).ToList();
            var measuredBatches = batches.Skip(options.WarmupBatches).ToList();
            Step(log, string.Create(CultureInfo.InvariantCulture,
                $"{batches.Count} batches prepared ({batches.Sum(b => b.Records):N0} records, {batches.Average(b => b.Body.Length) / 1024:0} KiB of JSON each on average)"));

            await using var hub = await HubProcess.StartAsync(
                BenchmarkHub.ProcessSettings(shared, setup.Database.ConnectionString, data, options.HubSettings), cancellationToken);
            var (hubId, postgresId) = await BenchmarkHub.ProcessIdsAsync(cancellationToken);
            Step(log, $"hub process {hubId} listening at {hub.BaseAddress}, PostgreSQL server {postgresId}");

            using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
            var load = new BatchLoad(client);

            var (warmup, _) = await load.RunAsync(warmupBatches, options.Senders, TimeSpan.FromMinutes(3), cancellationToken);
            Step(log, $"{warmup.Count(s => s is not null)} warm-up batches sent (not measured)");

            var loadBefore = CpuSnapshot.LoadAverage();
            var before = CpuSnapshot.Take(hubId, postgresId);
            var memory = MemorySampler.Start(hubId, MemorySampleInterval);
            var (samples, elapsed) = await load.RunAsync(measuredBatches, options.Senders, TimeSpan.FromSeconds(options.MaxSeconds), cancellationToken);
            var cpu = CpuSnapshot.Take(hubId, postgresId) - before;
            var maxRss = await memory.StopAsync();
            var loadAfter = CpuSnapshot.LoadAverage();
            var peak = ProcFs.StatusKiB(hubId, "VmHWM") ?? 0;
            var sent = samples.OfType<BatchSample>().ToArray();
            Step(log, string.Create(CultureInfo.InvariantCulture, $"{sent.Length} batches measured in {elapsed.TotalSeconds:0.0} s"));

            var retries = await RetryAsync(load, measuredBatches.Take(sent.Length).ToList(), cancellationToken);
            var sentRecords = warmupBatches.Sum(b => b.Records) + measuredBatches.Take(sent.Length).Sum(b => b.Records);
            var check = await IngestionCheck.RunAsync(setup.Database.ConnectionString, cancellationToken);
            return new IngestionRun(
                options, [.. warmup.OfType<BatchSample>()], sent, measuredBatches.Take(sent.Length).Sum(b => b.Records), sentRecords, elapsed,
                cpu, maxRss, peak, check, retries, loadBefore, loadAfter);
        }
        finally
        {
            TemporaryFolder.TryDelete(keys);
            TemporaryFolder.TryDelete(data);
        }
    }

    /// <summary>
    /// The batches, offices taking turns: each office's records (closed in the last days, never in the future) in
    /// batches of its own, serialised as the agent would send them.
    /// </summary>
    private static List<PreparedBatch> Prepare(IngestionOptions options, IReadOnlyList<SyntheticEntity> entities, IReadOnlyList<JoinedOffice> offices)
    {
        var needed = (options.WarmupBatches + options.MeasuredBatches) * options.BatchSize;
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var from = today.AddDays(-options.Days);
        var byCode = offices.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var joined = entities.Select(e => e with { NodeId = byCode[e.Code].Id }).ToList();
        // Today's evening hours are still to come: ask for more than needed and keep what has closed.
        var archive = new SyntheticArchive(options.Seed, joined, from, today.AddDays(1), (long)(needed * 1.3) + 10_000);
        var perOffice = Enumerable.Range(0, archive.To.DayNumber - archive.From.DayNumber)
            .SelectMany(d => archive.Day(archive.From.AddDays(d)))
            .Where(c => c.Record.ClosedAt <= now)
            .GroupBy(c => c.Entity.Code)
            .Select(g => g.Select(c => c.Record).Chunk(options.BatchSize).Where(chunk => chunk.Length == options.BatchSize)
                .Select(chunk => new PreparedBatch(
                    byCode[g.Key],
                    JsonSerializer.SerializeToUtf8Bytes(new ArchiveBatchRequest(chunk), JsonSerializerOptions.Web),
                    chunk.Length,
                    Guid.NewGuid().ToString("N")))
                .ToList())
            .ToList();

        // Round robin over the offices, so that every office sends all run long, the big ones longest.
        var batches = new List<PreparedBatch>();
        for (var round = 0; batches.Count < options.WarmupBatches + options.MeasuredBatches && perOffice.Any(o => o.Count > round); round++)
        {
            batches.AddRange(perOffice.Where(o => o.Count > round).Select(o => o[round]));
        }

        return batches.Count >= options.WarmupBatches + options.MeasuredBatches
            ? batches.Take(options.WarmupBatches + options.MeasuredBatches).ToList()
            : throw new InvalidOperationException($"The synthetic archive made {batches.Count} whole batches; {options.WarmupBatches + options.MeasuredBatches} are needed: raise --days.");
    }

    /// <summary>
    /// An agent retries when it missed an answer: the same batch and key must get the stored answer and store nothing;
    /// the same records under a new key (a rebuilt batch) must all come back as already stored.
    /// </summary>
    private static async Task<RetryCheck> RetryAsync(BatchLoad load, List<PreparedBatch> sent, CancellationToken cancellationToken)
    {
        var replayedSame = 0;
        var alreadyStored = 0;
        var chosen = sent.Where((_, i) => i % Math.Max(1, sent.Count / Retries) == 0).Take(Retries).ToList();
        foreach (var batch in chosen)
        {
            var (first, _) = await load.SendRawAsync(batch, batch.IdempotencyKey, cancellationToken);
            if (first.StatusCode == 200 && first.Accepted == batch.Records)
            {
                replayedSame++;
            }

            var fresh = await load.SendAsync(batch, Guid.NewGuid().ToString("N"), cancellationToken);
            if (fresh.StatusCode == 200 && fresh.AlreadyStored == batch.Records && fresh.Accepted == 0)
            {
                alreadyStored++;
            }
        }

        return new RetryCheck(chosen.Count, replayedSame, alreadyStored);
    }

    private static void Step(TextWriter log, string what) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {what}"));
}

/// <summary>Retries after the run: <paramref name="Replayed"/> answered as the first time (stored answer), <paramref name="AlreadyStored"/> under a new key all already stored.</summary>
public sealed record RetryCheck(int Batches, int Replayed, int AlreadyStored)
{
    public bool Passed => Replayed == Batches && AlreadyStored == Batches;
}
