namespace LineaHub.Schemas.Tickets;

/// <summary>An office involved in a ticket.</summary>
public sealed record TicketParty(Guid NodeId, string Name);
