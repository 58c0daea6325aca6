namespace LineaHub.NodeAgent.Outbox;

/// <summary>A write waiting in the outbox for the hub, or refused by it for good (<see cref="DeadAt"/> set).</summary>
/// <param name="RelativePath">Relative to the hub URL, without a leading slash, e.g. <c>api/v1/tickets</c>.</param>
/// <param name="IdempotencyKey">Chosen once at enqueue and sent unchanged on every attempt.</param>
/// <param name="Attempts">Attempts that did not deliver it so far.</param>
/// <param name="LastStatus">HTTP status of the last failed attempt; null when the hub was not reached.</param>
public sealed record OutboxMessage(
    long Id,
    string Kind,
    HttpMethod Method,
    string RelativePath,
    string Body,
    string IdempotencyKey,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatus,
    string? LastError,
    DateTimeOffset? DeadAt)
{
    public bool IsDead => DeadAt is not null;
}
