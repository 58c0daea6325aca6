namespace LineaHub.Schemas.Tickets;

/// <summary>Where a ticket stands in the overflow exchange.</summary>
/// <param name="OfferedTo">The office an open offer is addressed to.</param>
/// <param name="OfferDeadlineAt">When that offer is withdrawn if unanswered.</param>
/// <param name="QueuedSince">Waiting in the network queue for an office with capacity since then.</param>
/// <param name="ReturnAt">If still queued then, the ticket goes back to its origin.</param>
/// <param name="Offers">Offers made so far for this ticket.</param>
public sealed record TicketOverflow(
    TicketParty? OfferedTo,
    DateTimeOffset? OfferDeadlineAt,
    DateTimeOffset? QueuedSince,
    DateTimeOffset? ReturnAt,
    int Offers);
