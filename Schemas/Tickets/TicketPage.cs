namespace LineaHub.Schemas.Tickets;

/// <summary>One page of a ticket list, newest first.</summary>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last one.</param>
public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, string? NextCursor);
