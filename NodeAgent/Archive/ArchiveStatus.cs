namespace LineaHub.NodeAgent.Archive;

/// <summary>The office's archive as the agent sees it (local API <c>GET /api/v1/archive</c>, command <c>archive status</c>).</summary>
/// <param name="Pending">Archived here, not yet stored by the hub (waiting for a batch, or in a batch on its way).</param>
/// <param name="Sent">Stored by the hub.</param>
/// <param name="Refused">Refused by the hub one by one (e.g. personal data still in the text); not sent again.</param>
/// <param name="Dead">In batches the hub refused as a whole; they wait for the batch to be put back in the line.</param>
/// <param name="QueuedBatches">Batches in the outbox on their way to the hub.</param>
/// <param name="LastError">The latest failed delivery of a batch still in the outbox; null when none is failing.</param>
public sealed record ArchiveStatus(
    int Pending,
    int Sent,
    int Refused,
    int Dead,
    int QueuedBatches,
    ArchiveDeliveryError? LastError,
    IReadOnlyList<RefusedContact> RecentlyRefused,
    IReadOnlyList<DeadBatch> DeadBatches);
