using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Archive;

/// <summary>A CSV row not archived: its row number in the file (the header is row 1) and why, by column. Never its content.</summary>
public sealed record RejectedRow(long Row, IReadOnlyList<ArchiveRecordError> Errors);
