namespace LineaHub.Schemas.Archive;

/// <summary>
/// Records an office sends in one request (<c>POST /api/v1/archive/batches</c>, with an <c>Idempotency-Key</c>): at most
/// <see cref="ArchiveRecordRules.MaxRecordsPerBatch"/>. Each record is accepted or refused on its own.
/// </summary>
public sealed record ArchiveBatchRequest(IReadOnlyList<ArchiveRecord>? Records);
