namespace LineaHub.NodeAgent.Archive;

/// <summary>A failed attempt to deliver an archive batch.</summary>
/// <param name="Status">The hub's HTTP status; null when it was not reached.</param>
public sealed record ArchiveDeliveryError(long OutboxId, DateTimeOffset At, int? Status, string Message, bool Dead);
