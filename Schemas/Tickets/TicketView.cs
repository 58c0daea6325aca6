namespace LineaHub.Schemas.Tickets;

/// <summary>
/// A ticket as any active office sees it when it looks the code up: status, holder, classification,
/// anonymised summary, SLA and history. It never carries personal data.
/// </summary>
/// <param name="SlaDueAt">Current due time; while pending, the clock is stopped and this moves with it.</param>
/// <param name="Version">Optimistic concurrency: send it back as <c>If-Match</c> or <c>expectedVersion</c>.</param>
public sealed record TicketView(
    string Code,
    string Status,
    TicketParty Origin,
    TicketParty Holder,
    string Category,
    string Channel,
    string RequestType,
    string Language,
    string Summary,
    string TaxonomyVersion,
    DateTimeOffset OpenedAt,
    DateTimeOffset SlaDueAt,
    bool SlaClockStopped,
    int Version,
    IReadOnlyList<TicketHistoryEntry> History);
