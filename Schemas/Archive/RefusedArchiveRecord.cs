namespace LineaHub.Schemas.Archive;

/// <summary>A record the hub did not store, and why.</summary>
/// <param name="Index">Position of the record in the batch, from 0.</param>
/// <param name="RecordId">Its id, when it had one.</param>
/// <param name="Errors">Each reason, naming the field (camelCase, as sent).</param>
public sealed record RefusedArchiveRecord(int Index, string? RecordId, IReadOnlyList<ArchiveRecordError> Errors);
