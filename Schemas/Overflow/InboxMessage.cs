using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Tickets;

namespace LineaHub.Schemas.Overflow;

/// <summary>
/// One message waiting in an office's inbox, in order of <see cref="Id"/>. Delivery is at least once:
/// the agent records it, then acknowledges up to its id; a message seen twice must change nothing.
/// Only the members of its <see cref="Kind"/> are set.
/// </summary>
/// <param name="Ticket">offer, status: the ticket as it is after the change (never personal data).</param>
/// <param name="DeadlineAt">offer: accept or decline before this; past it the offer is withdrawn.</param>
/// <param name="Change">status: what happened.</param>
/// <param name="Receiver">seal-contact: the office the contact data is for.</param>
/// <param name="ReceiverKey">seal-contact: that office's registered encryption key.</param>
/// <param name="Envelope">contact: compact JWE (ECDH-ES, A256GCM) only this office can open.</param>
public sealed record InboxMessage(
    long Id,
    string Kind,
    string TicketCode,
    DateTimeOffset CreatedAt,
    TicketView? Ticket = null,
    DateTimeOffset? DeadlineAt = null,
    TicketHistoryEntry? Change = null,
    TicketParty? Receiver = null,
    PublicJwk? ReceiverKey = null,
    string? Envelope = null);
