namespace LineaHub.Schemas.Tickets;

/// <summary>
/// What can be done to a ticket unico, as lower-case codes. Whether an action is allowed depends on the
/// state and on the caller's <see cref="TicketActors">roles</see>; <see cref="TicketStateMachine"/> has the table.
/// </summary>
public static class TicketActions
{
    /// <summary>Hand the ticket over: the holder offers it (overflow), or the dispatcher offers it again after a decline.</summary>
    public const string Offer = "offer";

    /// <summary>Take the ticket in charge: the receiver of an offer, or the holder of an open or reopened ticket.</summary>
    public const string Accept = "accept";

    /// <summary>The receiver refuses an offer.</summary>
    public const string Decline = "decline";

    /// <summary>The dispatcher ends an offer that passed its deadline unanswered; recorded apart from a decline.</summary>
    public const string Withdraw = "withdraw";

    /// <summary>Give a declined ticket back to its origin as open, instead of offering it again.</summary>
    public const string Return = "return";

    /// <summary>The holder waits for the citizen (asks for pending): the SLA clock stops.</summary>
    public const string Pend = "pend";

    /// <summary>The holder goes on after waiting for the citizen: the SLA clock runs again.</summary>
    public const string Resume = "resume";

    /// <summary>The holder has answered the citizen.</summary>
    public const string Resolve = "resolve";

    /// <summary>The origin confirms the resolution.</summary>
    public const string Close = "close";

    /// <summary>The origin reopens a resolved ticket: the citizen is not satisfied.</summary>
    public const string Reopen = "reopen";

    /// <summary>The origin withdraws a ticket that is not final.</summary>
    public const string Cancel = "cancel";

    /// <summary>Every action.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Offer, Accept, Decline, Withdraw, Return, Pend, Resume, Resolve, Close, Reopen, Cancel];
}
