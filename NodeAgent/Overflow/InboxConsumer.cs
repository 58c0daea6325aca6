using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await identities.WaitUntilJoinedAsync(clock, stoppingToken))
        {
            return;
        }

        var settings = options.Value;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan pause;
                try
                {
                    var page = await PollOnceAsync(stoppingToken);
                    failures = 0;
                    pause = page.Messages.Count == 0 && !page.More ? TimeSpan.FromSeconds(settings.IdleDelaySeconds) : TimeSpan.Zero;
                }
                catch (Exception exception) when (IsTransient(exception, stoppingToken))
                {
                    failures++;
                    pause = RetrySchedule.Next(
                        failures, TimeSpan.FromSeconds(settings.BaseDelaySeconds), TimeSpan.FromSeconds(settings.MaxDelaySeconds), Random.Shared);
                    state.Record(new InboxPoll(clock.GetUtcNow(), false, 0, exception.Message));
                    LogPollFailed(logger, failures, pause, exception.Message);
                }

                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not acknowledged comes again at the next start.
        }
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

    // The hub unreachable or refusing, a body cut short or garbled, HttpClient's own timeout: all may pass.
    private static bool IsTransient(Exception exception, CancellationToken stoppingToken) =>
        exception is HttpRequestException or HubProblemException or JsonException or InvalidDataException
        || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox poll failed ({Failures} in a row), next in {Delay}: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, int failures, TimeSpan delay, string reason);
}
