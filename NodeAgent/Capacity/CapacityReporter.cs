using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Capacity;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Capacity;

/// <summary>
/// Reports the office's capacity to the hub every interval. Reports are latest-wins, so they skip the
/// outbox: a report that fails is simply superseded by the next one.
/// </summary>
public sealed partial class CapacityReporter(
    IHttpClientFactory httpClients,
    AgentIdentityStore store,
    CapacityState state,
    TimeProvider clock,
    IOptions<CapacityOptions> options,
    ILogger<CapacityReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await store.WaitUntilJoinedAsync(clock, stoppingToken))
        {
            return;
        }

        var identity = await store.LoadIdentityAsync(stoppingToken);
        var interval = TimeSpan.FromSeconds(identity.CapacityReportIntervalSeconds > 0
            ? identity.CapacityReportIntervalSeconds
            : options.Value.DefaultIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = await ReportOnceAsync(identity, stoppingToken);
            interval = next ?? interval;
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends the current figures once; returns the interval the hub asks for, if it answered.</summary>
    public async Task<TimeSpan?> ReportOnceAsync(AgentIdentity identity, CancellationToken cancellationToken)
    {
        var report = state.Current;
        try
        {
            using var response = await httpClients.CreateClient(HubClient.Name)
                .PutAsJsonAsync(new Uri(identity.HubUrl, "api/v1/nodes/me/capacity"), report, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await HubProblemException.FromResponseAsync(response, cancellationToken);
            }

            var accepted = await response.Content.ReadFromJsonAsync<CapacityReportAccepted>(cancellationToken);
            state.Record(new ReportOutcome(clock.GetUtcNow(), true, null, report));
            LogReported(logger, identity.NodeId, report.OperatorsOnline ?? 0, report.QueueLength ?? 0);
            return accepted is null ? null : TimeSpan.FromSeconds(Math.Max(1, accepted.NextReportInSeconds));
        }
        catch (Exception exception) when (exception is HttpRequestException or HubProblemException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            state.Record(new ReportOutcome(clock.GetUtcNow(), false, exception.Message, report));
            LogReportFailed(logger, identity.NodeId, exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Capacity reported for node {NodeId}: {Operators} operators, queue {Queue}")]
    private static partial void LogReported(ILogger logger, Guid nodeId, int operators, int queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capacity report for node {NodeId} failed: {Reason}")]
    private static partial void LogReportFailed(ILogger logger, Guid nodeId, string reason);
}
