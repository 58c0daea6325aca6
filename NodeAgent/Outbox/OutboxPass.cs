namespace LineaHub.NodeAgent.Outbox;

/// <summary>What one pass of the sender did.</summary>
/// <param name="NextAttemptAt">When the oldest pending message may be tried next; null when none is pending.</param>
public sealed record OutboxPass(int Delivered, int DeadLettered, int Retried, DateTimeOffset? NextAttemptAt);
