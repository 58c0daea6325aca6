namespace LineaHub.NodeAgent.Archive;

/// <summary>What one look of the <see cref="ArchiveBatcher"/> did.</summary>
/// <param name="NextDueAt">When the records still waiting make a batch at the latest; null when none waits or the outbox is full of batches.</param>
public sealed record ArchiveBatching(int Batches, int Records, DateTimeOffset? NextDueAt);
