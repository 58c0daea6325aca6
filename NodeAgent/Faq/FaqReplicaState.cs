namespace LineaHub.NodeAgent.Faq;

/// <summary>Where the office's replica stands.</summary>
/// <param name="AppliedVersion">The hub's change number applied so far: the next sync asks for what is above it.</param>
/// <param name="SynonymsVersion">Version of the synonym list in use; null until the hub sent one (the default list is used).</param>
/// <param name="RegionCode">The office's region as the hub sent it; searches filter regional entries by it.</param>
/// <param name="EntityCode">The office's entity code as the hub sent it; searches filter local entries by it.</param>
/// <param name="LastSyncAt">When a sync last succeeded; null if never.</param>
public sealed record FaqReplicaState(long AppliedVersion, long? SynonymsVersion, string? RegionCode, string? EntityCode, DateTimeOffset? LastSyncAt)
{
    public static FaqReplicaState Empty { get; } = new(0, null, null, null, null);
}
