using System.Globalization;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Overflow;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// Fetches the office's inbox from the hub (long poll: the hub never calls the agent), records every message
/// through the <see cref="InboxHandler"/>, then acknowledges them so the hub forgets them. A crash between the two
/// only means the same messages come again, and the handler recognises them. When the hub is down it backs off
/// with jitter, as the outbox does.
/// </summary>
public sealed partial class InboxConsumer(
    IHttpClientFactory httpClients,
    AgentIdentityStore identities,
    InboxHandler handler,
    InboxLog log,
    AgentDatabase database,
    InboxState state,
    TimeProvider clock,
    IOptions<InboxOptions> options,
    ILogger<InboxConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return HubPolling.RunAsync(
            identities,
            clock,
            async cancellationToken =>
            {
                var page = await PollOnceAsync(cancellationToken);
                return page.Messages.Count == 0 && !page.More ? TimeSpan.FromSeconds(settings.IdleDelaySeconds) : TimeSpan.Zero;
            },
            TimeSpan.FromSeconds(settings.BaseDelaySeconds),
            TimeSpan.FromSeconds(settings.MaxDelaySeconds),
            (failures, pause, exception) =>
            {
                // Whatever was not acknowledged comes again at the next poll or start.
                state.Record(new InboxPoll(clock.GetUtcNow(), false, 0, exception.Message));
                LogPollFailed(logger, failures, pause, exception.Message);
            },
            stoppingToken);
    }

    /// <summary>One poll: fetch, record each message, acknowledge. Returns the page the hub gave.</summary>
    public async Task<InboxPage> PollOnceAsync(CancellationToken cancellationToken)
    {
        var identity = await identities.LoadIdentityAsync(cancellationToken);
        var client = httpClients.CreateClient(HubClient.Name);
        var path = string.Create(CultureInfo.InvariantCulture, $"api/v1/inbox?waitSeconds={options.Value.WaitSeconds}");
        InboxPage page;
        using (var response = await client.GetAsync(new Uri(identity.HubUrl, path), cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await HubProblemException.FromResponseAsync(response, cancellationToken);
            }

            page = await response.Content.ReadFromJsonAsync<InboxPage>(cancellationToken)
                ?? throw new InvalidDataException("The hub answered the inbox poll with an empty body.");
        }

        var handled = 0;
        foreach (var message in page.Messages.OrderBy(m => m.Id))
        {
            handled += await handler.HandleAsync(identity.NodeId, message, cancellationToken) ? 1 : 0;
        }

        if (page.Messages.Count > 0)
        {
            using var ack = await client.PostAsJsonAsync(
                new Uri(identity.HubUrl, "api/v1/inbox/ack"), new InboxAckRequest(page.Messages.Max(m => m.Id)), cancellationToken);
            if (!ack.IsSuccessStatusCode)
            {
                throw await HubProblemException.FromResponseAsync(ack, cancellationToken);
            }
        }

        state.Record(new InboxPoll(clock.GetUtcNow(), true, handled, null));
        await PruneIfDueAsync(cancellationToken);
        return page;
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + PruneEvery;
        var before = now - TimeSpan.FromDays(options.Value.LogRetentionDays);
        await database.WriteAsync(transaction => log.PruneAsync(transaction, before, cancellationToken), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox poll failed ({Failures} in a row), next in {Delay}: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, int failures, TimeSpan delay, string reason);
}
