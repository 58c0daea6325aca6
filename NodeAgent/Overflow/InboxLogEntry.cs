namespace LineaHub.NodeAgent.Overflow;

/// <summary>One inbox message as the agent handled it: what it said about which ticket, and what the agent did.</summary>
/// <param name="Outcome">What the agent did, e.g. <c>recorded</c>, <c>sealed</c> or <c>ignored: …</c>.</param>
public sealed record InboxLogEntry(
    long MessageId,
    string Kind,
    string TicketCode,
    string? Action,
    string? FromStatus,
    string? ToStatus,
    string Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset HandledAt);
