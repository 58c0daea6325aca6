namespace LineaHub.Schemas.Tickets;

/// <summary>
/// A ticket as any active office sees it when it looks the code up: status, holder, classification,
/// anonymised summary, SLA and history. It never carries personal data.
/// </summary>
/// <param name="SlaDueAt">Current due time; while pending, the clock is stopped and this moves with it.</param>
/// <param name="HasContact">The origin holds contact data for a call-back, handed over sealed to the office that takes the ticket.</param>
/// <param name="Overflow">Offer or network queue, when the ticket is in the overflow exchange; null otherwise.</param>
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
    bool HasContact,
    TicketOverflow? Overflow,
    int Version,
    IReadOnlyList<TicketHistoryEntry> History);
