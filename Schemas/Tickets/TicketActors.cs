namespace LineaHub.Schemas.Tickets;

/// <summary>
/// The roles a caller can have for one ticket, as lower-case codes. A caller has a set of them: before any
/// handover the origin also holds its own ticket, and is then both <see cref="Origin"/> and
/// <see cref="Holder"/>, allowed what either may do.
/// </summary>
public static class TicketActors
{
    /// <summary>The node that opened the ticket.</summary>
    public const string Origin = "origin";

    /// <summary>The node that currently holds the ticket: the origin until a receiver accepts it, then that receiver.</summary>
    public const string Holder = "holder";

    /// <summary>The node the ticket is currently offered to; only while it is offered.</summary>
    public const string Receiver = "receiver";

    /// <summary>The hub itself: re-dispatches after a decline, withdraws an offer past its deadline, returns a ticket to its origin after the longest wait.</summary>
    public const string Dispatcher = "dispatcher";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Origin, Holder, Receiver, Dispatcher];
}
