using System.Globalization;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Faq;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Faq;

/// <summary>
/// Keeps the office's <see cref="FaqReplica"/> current: every <see cref="FaqReplicaOptions.SyncIntervalSeconds"/> it reads the
/// hub's changes feed from the version it applied, page by page until the feed has no more, applying each page as it comes.
/// The replica is loaded before the local API answers, so searches work from the first request even with the hub away; while
/// the hub is unreachable they answer from the replica as it is, and this backs off with jitter as the inbox does.
/// </summary>
public sealed partial class FaqSync(
    FaqReplica replica,
    IHttpClientFactory httpClients,
    AgentIdentityStore identities,
    TimeProvider clock,
    IOptions<FaqReplicaOptions> options,
    ILogger<FaqSync> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await replica.EnsureLoadedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Reads and applies every change above the replica's version; returns how many changed the index.</summary>
    public async Task<int> SyncOnceAsync(CancellationToken cancellationToken)
    {
        await replica.EnsureLoadedAsync(cancellationToken);
        var identity = await identities.LoadIdentityAsync(cancellationToken);
        var client = httpClients.CreateClient(HubClient.Name);
        var applied = 0;
        FaqChangesPage page;
        do
        {
            var state = replica.State;
            var path = string.Create(CultureInfo.InvariantCulture,
                $"api/v1/faq/changes?after={state.AppliedVersion}&limit={options.Value.SyncPageSize}{(state.SynonymsVersion is { } known ? $"&synonymsAfter={known}" : "")}");
            using (var response = await client.GetAsync(new Uri(identity.HubUrl, path), cancellationToken))
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await HubProblemException.FromResponseAsync(response, cancellationToken);
                }

                page = await response.Content.ReadFromJsonAsync<FaqChangesPage>(cancellationToken)
                    ?? throw new InvalidDataException("The hub answered the FAQ changes with an empty body.");
            }

            if (page.More && page.NextAfter <= state.AppliedVersion)
            {
                // A feed that says "more" without moving on would keep this loop asking for the same page.
                throw new InvalidDataException($"The hub's FAQ changes did not move past version {state.AppliedVersion}.");
            }

            applied += await replica.ApplyAsync(page, cancellationToken);
        }
        while (page.More);

        return applied;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return HubPolling.RunAsync(
            identities,
            clock,
            async cancellationToken =>
            {
                var applied = await SyncOnceAsync(cancellationToken);
                if (applied > 0)
                {
                    LogSynced(logger, applied, replica.State.AppliedVersion);
                }

                return TimeSpan.FromSeconds(settings.SyncIntervalSeconds);
            },
            TimeSpan.FromSeconds(settings.BaseDelaySeconds),
            TimeSpan.FromSeconds(settings.MaxDelaySeconds),
            // Searches keep answering from the replica as it is; the next start resumes from the version stored with the last page.
            (failures, pause, exception) => LogSyncFailed(logger, failures, pause, replica.State.AppliedVersion, exception.Message),
            stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ replica updated: {Applied} entries changed, now at version {Version}")]
    private static partial void LogSynced(ILogger logger, int applied, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ sync failed ({Failures} in a row), next in {Delay}; searches answer from version {Version}: {Reason}")]
    private static partial void LogSyncFailed(ILogger logger, int failures, TimeSpan delay, long version, string reason);
}
