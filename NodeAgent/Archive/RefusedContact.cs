using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Archive;

/// <summary>A contact the hub refused to archive, with its reasons (which never quote the record). Not sent again.</summary>
public sealed record RefusedContact(string ContactId, DateTimeOffset RefusedAt, IReadOnlyList<ArchiveRecordError> Errors);
