namespace LineaHub.Schemas.Tickets;

/// <summary>
/// The states of a ticket unico, after the MEF 124 trouble-ticket model, as the lower-case codes that go
/// on the wire and into storage. <see cref="TicketStateMachine"/> says how they follow one another.
/// </summary>
public static class TicketStates
{
    /// <summary>Opened, held by its origin, not (or no longer) handed to anyone.</summary>
    public const string Open = "open";

    /// <summary>Offered to a receiver picked by the dispatcher, waiting for an answer until a deadline.</summary>
    public const string Offered = "offered";

    /// <summary>Taken in charge by the holder, who works on it. The SLA clock runs.</summary>
    public const string Accepted = "accepted";

    /// <summary>The holder waits for the citizen: the SLA clock stops.</summary>
    public const string Pending = "pending";

    /// <summary>The holder has answered; the origin closes it or, if the citizen is not satisfied, reopens it.</summary>
    public const string Resolved = "resolved";

    /// <summary>Done. Final.</summary>
    public const string Closed = "closed";

    /// <summary>Resolved, then reopened by the origin; the holder takes it in charge again.</summary>
    public const string Reopened = "reopened";

    /// <summary>The receiver declined, or the offer ran out of time: back to the dispatcher, or returned to the origin.</summary>
    public const string Declined = "declined";

    /// <summary>Withdrawn by the origin before it was closed. Final.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Every state, in the order of the lifecycle.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Open, Offered, Accepted, Pending, Resolved, Closed, Reopened, Declined, Cancelled];
}
