namespace LineaHub.Schemas.Tickets;

/// <summary>One step of a ticket's append-only history: who, when, from, to, why.</summary>
/// <param name="Actor">The office that acted, or null for the hub's dispatcher.</param>
/// <param name="Role">The role it acted in (<see cref="TicketActors"/>).</param>
public sealed record TicketHistoryEntry(
    DateTimeOffset At,
    TicketParty? Actor,
    string Role,
    string Action,
    string From,
    string To,
    string? Reason);
