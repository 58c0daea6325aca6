using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Archive;

/// <summary>What <see cref="ArchiveRecordBuilder.Build"/> made of a closed contact: the record, or why there is none.</summary>
public sealed record ArchiveBuild(ArchiveRecord? Record, IReadOnlyList<ArchiveRecordError> Errors);
