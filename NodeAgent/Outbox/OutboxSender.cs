using System.Net;
using System.Text;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Outbox;

/// <summary>
/// Sends the outbox to the hub in order, each message with its idempotency key, until the hub acknowledges
/// it. A message that fails in a way that may pass (hub down, 5xx, 408, 429, 401, 409) waits with
/// exponential backoff and jitter, at least as long as the hub's <c>Retry-After</c>, and holds back the
/// messages behind it; a message the hub refuses for good (other 4xx) becomes a dead letter and the line moves on;
/// one the hub says is no longer needed (410) is done.
/// </summary>
public sealed partial class OutboxSender(
    OutboxStore store,
    IHttpClientFactory httpClients,
    AgentIdentityStore identities,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger,
    IEnumerable<IOutboxDeliveryListener>? listeners = null) : BackgroundService
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Set by the hub when it answers from its idempotency record instead of running the request again.</summary>
    public const string IdempotencyReplayedHeader = "Idempotency-Replayed";

    // One pass at a time, even if something other than the loop (e.g. a command-line flush) asks for one:
    // two passes would send the same message twice at once.
    private readonly SemaphoreSlim _passGate = new(1, 1);

    private readonly IReadOnlyList<IOutboxDeliveryListener> _listeners = [.. listeners ?? []];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(options.Value.IdlePollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the pass, so a message enqueued while it runs still cuts the wait short.
            var enqueued = store.NextEnqueue;
            TimeSpan wait;
            try
            {
                var pass = await SendDueAsync(stoppingToken);
                wait = pass.NextAttemptAt is { } next ? Clamp(next - clock.GetUtcNow(), idle) : idle;
            }
            catch (AgentNotJoinedException)
            {
                // Messages written before the join wait for it; nothing is dropped.
                LogNotJoined(logger);
                wait = idle;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (wait > TimeSpan.Zero)
            {
                await WaitAsync(enqueued, wait, stoppingToken);
            }
        }
    }

    /// <summary>One pass: sends every message that is due, in order, until the outbox is empty or one must wait.</summary>
    public async Task<OutboxPass> SendDueAsync(CancellationToken cancellationToken)
    {
        await _passGate.WaitAsync(cancellationToken);
        try
        {
            return await SendDueCoreAsync(cancellationToken);
        }
        finally
        {
            _passGate.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _passGate.Dispose();
    }

    private async Task<OutboxPass> SendDueCoreAsync(CancellationToken cancellationToken)
    {
        var identity = await identities.LoadIdentityAsync(cancellationToken);
        var client = httpClients.CreateClient(HubClient.Name);
        int delivered = 0, deadLettered = 0, retried = 0;
        IReadOnlyList<OutboxMessage> due;
        while (retried == 0 && (due = await store.GetDueAsync(options.Value.BatchSize, cancellationToken)).Count > 0)
        {
            foreach (var message in due)
            {
                var outcome = await SendAsync(client, identity.HubUrl, message, cancellationToken);
                switch (outcome.Result)
                {
                    case Result.Delivered:
                        await store.MarkDeliveredAsync(message.Id, cancellationToken);
                        LogDelivered(logger, message.Id, message.Kind, outcome.Status!.Value);
                        foreach (var listener in _listeners)
                        {
                            await listener.OnDeliveredAsync(message, outcome.Body, cancellationToken);
                        }

                        delivered++;
                        break;
                    case Result.Obsolete:
                        await store.MarkDeliveredAsync(message.Id, cancellationToken);
                        LogObsolete(logger, message.Id, message.Kind);
                        delivered++;
                        break;
                    case Result.Refused:
                        await store.MarkDeadAsync(message.Id, outcome.Status!.Value, outcome.Error, cancellationToken);
                        LogDeadLettered(logger, message.Id, message.Kind, outcome.Status.Value);
                        deadLettered++;
                        break;
                    default:
                        await RescheduleAsync(message, outcome, cancellationToken);
                        retried++;
                        break;
                }

                if (retried > 0)
                {
                    // Order before throughput: nothing behind a message that must wait goes first.
                    break;
                }
            }
        }

        return new OutboxPass(delivered, deadLettered, retried, await store.GetNextAttemptAtAsync(cancellationToken));
    }

    private async Task RescheduleAsync(OutboxMessage message, Outcome outcome, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempt = message.Attempts + 1;
        var delay = RetrySchedule.Next(
            attempt,
            TimeSpan.FromSeconds(settings.BaseDelaySeconds),
            TimeSpan.FromSeconds(settings.MaxDelaySeconds),
            Random.Shared,
            outcome.RetryAfter);
        await store.RescheduleAsync(message.Id, clock.GetUtcNow() + delay, outcome.Status, outcome.Error, cancellationToken);
        LogRetrying(logger, message.Id, message.Kind, outcome.Status, attempt, delay);
    }

    private async Task<Outcome> SendAsync(HttpClient client, Uri hubUrl, OutboxMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(message.Method, new Uri(hubUrl, message.RelativePath))
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, message.IdempotencyKey);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = _listeners.Count == 0 ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken);
                return new Outcome(Result.Delivered, status, null, string.Empty, body);
            }

            // 410: the write was meant for a state that has passed (contact data sealed for an office the ticket has
            // left): the hub's final answer, nothing to keep.
            if (response.StatusCode == HttpStatusCode.Gone)
            {
                return new Outcome(Result.Obsolete, status, null, string.Empty);
            }

            // A 409 the hub replays for this key is its final answer to this very write, not a race to retry.
            var replayedConflict = response.StatusCode == HttpStatusCode.Conflict
                && response.Headers.TryGetValues(IdempotencyReplayedHeader, out var replayed) && replayed.Contains("true", StringComparer.OrdinalIgnoreCase);
            if (!RetrySchedule.IsRetryable(response.StatusCode)
                || replayedConflict
                || (response.StatusCode == HttpStatusCode.Conflict && message.Attempts + 1 >= options.Value.ConflictAttempts))
            {
                return new Outcome(Result.Refused, status, null, await DescribeAsync(response, cancellationToken));
            }

            var retryAfter = RetrySchedule.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow());
            return new Outcome(Result.Retry, status, retryAfter, $"{status} {response.ReasonPhrase}".TrimEnd());
        }
        catch (HttpRequestException exception)
        {
            // Hub unreachable, connection cut, TLS failure: the message is not at fault.
            return new Outcome(Result.Retry, null, null, exception.Message);
        }
        catch (HubProblemException exception)
        {
            // The token endpoint refused or failed: also not the message's fault, so it must not die for it.
            return new Outcome(Result.Retry, null, null, exception.Message);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout.
            return new Outcome(Result.Retry, null, null, exception.Message);
        }
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await HubProblemException.FromResponseAsync(response, cancellationToken)).Message;
        }
        catch (Exception exception) when (exception is HttpRequestException or NotSupportedException or InvalidOperationException)
        {
            // A body that cannot be read or has an odd charset still leaves the status as the reason.
            return $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
    }

    private async Task WaitAsync(Task enqueued, TimeSpan wait, CancellationToken stoppingToken)
    {
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, clock, stopDelay.Token);
        await Task.WhenAny(enqueued, delay);
        await stopDelay.CancelAsync();
    }

    private static TimeSpan Clamp(TimeSpan wait, TimeSpan idle) =>
        wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > idle ? idle : wait;

    private enum Result
    {
        Delivered,
        Retry,
        Refused,

        /// <summary>410: no longer needed; counted as delivered.</summary>
        Obsolete,
    }

    private sealed record Outcome(Result Result, int? Status, TimeSpan? RetryAfter, string Error, string Body = "");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {MessageId} ({Kind}) delivered: {Status}")]
    private static partial void LogDelivered(ILogger logger, long messageId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) not delivered (status {Status}); attempt {Attempt}, next in {Delay}")]
    private static partial void LogRetrying(ILogger logger, long messageId, string kind, int? status, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) no longer needed by the hub (410); done")]
    private static partial void LogObsolete(ILogger logger, long messageId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Kind}) refused by the hub with status {Status}; kept as a dead letter")]
    private static partial void LogDeadLettered(ILogger logger, long messageId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox waits: the agent has not joined the network yet")]
    private static partial void LogNotJoined(ILogger logger);
}
