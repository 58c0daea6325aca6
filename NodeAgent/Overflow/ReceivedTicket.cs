using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Tickets;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>A ticket another office handed to this one (offered, then accepted or not), as last known here.</summary>
/// <param name="Status">As last known here: this office's own answer counts at once, before the hub confirms it.</param>
/// <param name="DeadlineAt">Accept or decline before this, while <see cref="Status"/> is <c>offered</c>.</param>
/// <param name="ContactReceived">The citizen's contact data arrived, sealed for this office.</param>
/// <param name="Ticket">The ticket as the hub last described it (no personal data).</param>
/// <param name="Contact">The contact data, opened with this office's key; only when one ticket is read.</param>
/// <param name="ContactProblem">Why the contact data could not be opened, in Italian.</param>
public sealed record ReceivedTicket(
    string Code,
    string Status,
    string Category,
    DateTimeOffset? DeadlineAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    bool ContactReceived,
    TicketView Ticket,
    CitizenContact? Contact = null,
    string? ContactProblem = null);
