namespace LineaHub.Schemas.Faq;

/// <summary>
/// An office proposes a draft entry from a ticket it held or opened, once resolved: the question is the ticket's
/// anonymised summary, the category the ticket's.
/// </summary>
/// <param name="Code">The ticket's code (<c>LA-XXXX-XXXX</c>).</param>
/// <param name="Answer">The answer; when null, the reason given when the ticket was resolved.</param>
/// <param name="Scope"><c>network</c>, <c>regional</c> or <c>local</c> (default).</param>
public sealed record FaqEntryFromTicketRequest(string? Code, string? Answer, string? Scope);
