namespace LineaHub.Schemas.Archive;

/// <summary>What the hub did with each record of a batch.</summary>
/// <param name="Accepted">Record ids stored by this request.</param>
/// <param name="AlreadyStored">Record ids the hub already had from this office (an earlier send): not stored again.</param>
/// <param name="Refused">Records not stored, each with its reasons; sending them again unchanged will not help.</param>
public sealed record ArchiveBatchResponse(
    IReadOnlyList<string> Accepted,
    IReadOnlyList<string> AlreadyStored,
    IReadOnlyList<RefusedArchiveRecord> Refused);
