namespace LineaHub.Schemas.Tickets;

/// <summary>An office moves a ticket: one action of <see cref="TicketActions"/>.</summary>
/// <param name="Action">The action.</param>
/// <param name="Reason">Why, for the history (no personal data).</param>
/// <param name="ExpectedVersion">The version the caller saw; a different current version refuses the change.</param>
public sealed record TicketEventRequest(string? Action, string? Reason, int? ExpectedVersion);
