namespace LineaHub.Schemas.Tickets;

/// <summary>A ticket in a list.</summary>
public sealed record TicketSummary(
    string Code,
    string Status,
    string Category,
    Guid OriginNodeId,
    Guid HolderNodeId,
    DateTimeOffset OpenedAt,
    DateTimeOffset SlaDueAt,
    int Version);
