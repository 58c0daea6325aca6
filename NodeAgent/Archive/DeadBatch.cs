namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// A batch the hub refused as a whole (413, 400…): a dead letter of the outbox, holding <paramref name="Records"/> records
/// that wait for someone to look at the reason and put the message back in the line.
/// </summary>
public sealed record DeadBatch(long OutboxId, int Records, int? Status, string? Reason, DateTimeOffset DeadAt);
