using System.Diagnostics;
using System.Globalization;
using LineaHub.Testing;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>
/// One run: a throwaway PostgreSQL, an in-process hub that creates the schema, the offices and their tokens, then the
/// hub as its own process (as deployed) on the same database, where the tickets are opened and then offered.
/// </summary>
internal static class DispatchBenchmark
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<DispatchRun> RunAsync(BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var keys = TemporaryFolder.Create("dispatch-keys");
        var data = TemporaryFolder.Create("dispatch-hub");
        try
        {
            var shared = BenchmarkHub.SharedSettings(keys);
            // No offer may expire (and be re-dispatched by the sweeper) during the run.
            shared["Overflow:OfferTimeoutSeconds"] = "3600";

            Step(log, "starting PostgreSQL and the setup hub (in process)");
            await using var setup = await HubServer.StartAsync(StorageKind.Postgres, new Dictionary<string, string?>(shared)
            {
                ["Nodes:JoinPermitsPerMinute"] = "10000",
                // The setup hub stays up (disposing it drops the database) but idle: its sweeper must not compete.
                ["Overflow:SweepIntervalSeconds"] = "60",
            }, cancellationToken: cancellationToken);
            var admin = await setup.CreateAdminClientAsync(cancellationToken);
            var anonymous = setup.CreateClient();
            var receivers = await BenchmarkNetwork.JoinOfficesAsync(anonymous, admin, options.Receivers, 0, cancellationToken);
            var origins = await BenchmarkNetwork.JoinOfficesAsync(anonymous, admin, options.Origins, options.Receivers, cancellationToken);
            Step(log, $"{receivers.Count} receiving and {origins.Count} origin offices joined");

            var connectionString = options.ConnectionOptions is null
                ? setup.Database.ConnectionString
                : $"{setup.Database.ConnectionString};{options.ConnectionOptions}";
            var settings = BenchmarkHub.ProcessSettings(shared, connectionString, data, options.HubSettings);
            if (options.LogSql)
            {
                foreach (var (key, value) in SqlProfile.Settings)
                {
                    settings[key] = value;
                }
            }

            await using var hub = await HubProcess.StartAsync(settings, cancellationToken);
            var (hubId, postgresId) = await BenchmarkHub.ProcessIdsAsync(cancellationToken);
            Step(log, $"hub process {hubId} listening at {hub.BaseAddress}, PostgreSQL server {postgresId}");

            // At most one connection per client: in the open loop, offers due while every connection is busy wait in
            // the harness (their latency still runs from when they were due) rather than opening thousands of sockets.
            using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = options.Clients };
            using var client = new HttpClient(handler) { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            // The receivers' capacity reports have connections of their own, as each office would.
            using var reporter = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            await BenchmarkNetwork.ReportIdleAsync(reporter, receivers, cancellationToken);
            using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reporting = BenchmarkNetwork.KeepReportingAsync(reporter, receivers, ReportInterval, stopReporting.Token);

            var opening = Stopwatch.StartNew();
            var tickets = await BenchmarkNetwork.OpenTicketsAsync(client, origins, options.Warmup + options.Tickets, options.Clients, cancellationToken);
            Step(log, string.Create(CultureInfo.InvariantCulture, $"{tickets.Count} tickets opened in {opening.Elapsed.TotalSeconds:0.0} s (not measured)"));

            var load = new OfferLoad(client, options.IdempotencyKey);
            var (warmup, _) = await load.RunAsync(tickets.Take(options.Warmup).ToList(), options.Clients, cancellationToken);
            Step(log, $"{warmup.Length} warm-up offers made (not counted)");

            var logStart = options.LogSql ? hub.Output.Length : 0;
            var statementLog = options.LogSql ? await PostgresStatementLog.StartAsync(await PostgresCluster.GetSharedAsync(cancellationToken), cancellationToken) : null;
            var loadBefore = LoadAverage();
            var before = CpuTimes(hubId, postgresId);
            using var stopSampling = new CancellationTokenSource();
            var sampling = SampleMaxRssAsync(hubId, stopSampling.Token);
            var measured = tickets.Skip(options.Warmup).ToList();
            var (samples, elapsed) = options.Rate is { } rate
                ? await load.RunAtRateAsync(measured, rate, cancellationToken)
                : await load.RunAsync(measured, options.Clients, cancellationToken);
            var after = CpuTimes(hubId, postgresId);
            await stopSampling.CancelAsync();
            var maxRss = await sampling;
            var loadAfter = LoadAverage();
            var sqlProfile = options.LogSql
                ? SqlProfile.Parse(hub.Output[logStart..]).Summary(samples.Length) + Environment.NewLine
                    + await statementLog!.StopAsync(samples.Length, cancellationToken)
                : null;
            Step(log, string.Create(CultureInfo.InvariantCulture, $"{samples.Length} offers measured in {elapsed.TotalSeconds:0.0} s"));

            await stopReporting.CancelAsync();
            string? reportingFailure = null;
            try
            {
                await reporting;
            }
            catch (InvalidOperationException failure)
            {
                reportingFailure = failure.Message;
            }

            var check = await DispatchCheck.RunAsync(setup.Database.ConnectionString, warmup.Concat(samples), cancellationToken);
            var resources = new ResourceUse(
                after.Hub - before.Hub,
                after.Postgres - before.Postgres,
                after.Harness - before.Harness,
                after.MachineBusy - before.MachineBusy,
                after.MachineSteal - before.MachineSteal,
                after.MachineTotal - before.MachineTotal,
                ProcFs.StatusKiB(hubId, "VmHWM") ?? 0,
                maxRss);
            return new DispatchRun(options, warmup, samples, elapsed, resources, check, loadBefore, loadAfter, reportingFailure, sqlProfile);
        }
        finally
        {
            TemporaryFolder.TryDelete(keys);
            TemporaryFolder.TryDelete(data);
        }
    }

    private static (TimeSpan Hub, TimeSpan Postgres, TimeSpan Harness, TimeSpan MachineBusy, TimeSpan MachineSteal, TimeSpan MachineTotal) CpuTimes(
        int hubId, int postgresId)
    {
        var (busy, steal, total) = ProcFs.MachineCpuTime();
        using var self = Process.GetCurrentProcess();
        return (ProcFs.TreeCpuTime(hubId), ProcFs.TreeCpuTime(postgresId), self.TotalProcessorTime, busy, steal, total);
    }

    private static async Task<long> SampleMaxRssAsync(int pid, CancellationToken cancellationToken)
    {
        var max = 0L;
        using var timer = new PeriodicTimer(MemorySampleInterval);
        try
        {
            do
            {
                max = Math.Max(max, ProcFs.StatusKiB(pid, "VmRSS") ?? 0);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The measurement is over.
        }

        return Math.Max(max, ProcFs.StatusKiB(pid, "VmRSS") ?? 0);
    }

    private static string LoadAverage() =>
        string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static void Step(TextWriter log, string what) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {what}"));
}
