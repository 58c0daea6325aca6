using static LineaHub.Schemas.Tickets.TicketActions;
using static LineaHub.Schemas.Tickets.TicketActors;
using static LineaHub.Schemas.Tickets.TicketStates;

namespace LineaHub.Schemas.Tickets;

/// <summary>
/// The lifecycle of a ticket unico, after the MEF 124 trouble-ticket model, as one table of
/// <see cref="Transitions"/>. Hub and agent both read it, so they never disagree on what is allowed.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The holder works the ticket: it offers it while <c>open</c> (overflow; when no office has capacity the
/// ticket waits in the network queue and the dispatcher makes the offer later), takes it in charge when
/// <c>open</c> or <c>reopened</c> (<c>accept</c>), asks for <c>pending</c> and resumes, resolves. Only an open
/// or declined ticket can be offered, and the holder of those is always the origin: a node that accepted an
/// overflow ticket works it and does not pass it on.</item>
/// <item>The receiver of an offer accepts it (and becomes the holder) or declines it.</item>
/// <item>The origin closes a resolved ticket or reopens it when the citizen is not satisfied, and cancels
/// any ticket that is not final.</item>
/// <item>The dispatcher (the hub itself) withdraws an offer past its deadline (<c>withdraw</c>, which ends in
/// <c>declined</c> like a decline but is recorded apart), offers a declined ticket again, or returns it to its
/// origin as <c>open</c> after the longest wait — also an <c>open</c> ticket that waited in the network queue
/// for an office with capacity and found none (<c>open</c> → <c>return</c> → <c>open</c>, recorded in the history). The holder of a declined ticket (its origin) may do the same
/// two things: offer again at once, or take it back.</item>
/// <item><c>closed</c> and <c>cancelled</c> are final: nothing leaves them.</item>
/// </list>
/// </remarks>
public static class TicketStateMachine
{
    /// <summary>Every allowed move. A (state, action) pair appears at most once, so the action alone decides where the ticket goes.</summary>
    public static IReadOnlyList<TicketTransition> Transitions { get; } =
    [
        new(Open, Offer, [Holder, Dispatcher], Offered),
        new(Open, Accept, [Holder], Accepted),
        new(Open, Return, [Dispatcher], Open),
        new(Open, Cancel, [Origin], Cancelled),

        new(Offered, Accept, [Receiver], Accepted),
        new(Offered, Decline, [Receiver], Declined),
        new(Offered, Withdraw, [Dispatcher], Declined),
        new(Offered, Cancel, [Origin], Cancelled),

        new(Declined, Offer, [Dispatcher, Holder], Offered),
        new(Declined, Return, [Dispatcher, Holder], Open),
        new(Declined, Cancel, [Origin], Cancelled),

        new(Accepted, Pend, [Holder], Pending),
        new(Accepted, Resolve, [Holder], Resolved),
        new(Accepted, Cancel, [Origin], Cancelled),

        new(Pending, Resume, [Holder], Accepted),
        new(Pending, Cancel, [Origin], Cancelled),

        new(Resolved, Close, [Origin], Closed),
        new(Resolved, Reopen, [Origin], Reopened),
        new(Resolved, Cancel, [Origin], Cancelled),

        new(Reopened, Accept, [Holder], Accepted),
        new(Reopened, Cancel, [Origin], Cancelled),
    ];

    private static readonly Dictionary<(string State, string Action), TicketTransition> ByStateAndAction =
        Transitions.ToDictionary(t => (t.From, t.Action));

    private static readonly HashSet<string> KnownStates = new(TicketStates.All, StringComparer.Ordinal);

    /// <summary>
    /// Does <paramref name="action"/> on a ticket in <paramref name="state"/> for a caller with
    /// <paramref name="actorRoles"/>: moves it when one of the roles may, refuses otherwise (an unknown
    /// action included) and then lists what those roles may do instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not one of <see cref="TicketStates"/>.</exception>
    public static TransitionResult Apply(string state, string action, IReadOnlySet<string> actorRoles)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(actorRoles);
        RequireKnown(state);
        return ByStateAndAction.TryGetValue((state, action), out var transition) && actorRoles.Overlaps(transition.Actors)
            ? TransitionResult.To(transition.To)
            : TransitionResult.Refused(state, AllowedActions(state, actorRoles));
    }

    /// <summary>The actions a caller with <paramref name="actorRoles"/> may do in <paramref name="state"/>, in the order of <see cref="TicketActions.All"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not one of <see cref="TicketStates"/>.</exception>
    public static IReadOnlyList<string> AllowedActions(string state, IReadOnlySet<string> actorRoles)
    {
        ArgumentNullException.ThrowIfNull(actorRoles);
        RequireKnown(state);
        return [.. TicketActions.All.Where(a => ByStateAndAction.TryGetValue((state, a), out var t) && actorRoles.Overlaps(t.Actors))];
    }

    /// <summary>True for <c>closed</c> and <c>cancelled</c>, which nothing leaves.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not one of <see cref="TicketStates"/>.</exception>
    public static bool IsFinal(string state)
    {
        RequireKnown(state);
        return state is Closed or Cancelled;
    }

    /// <summary>
    /// True only for <c>pending</c>, where the holder waits for the citizen and the time does not count
    /// against the SLA. (When the SLA ends, at resolution or in a final state, is the hub's business.)
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not one of <see cref="TicketStates"/>.</exception>
    public static bool StopsSlaClock(string state)
    {
        RequireKnown(state);
        return state is Pending;
    }

    private static void RequireKnown(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!KnownStates.Contains(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Not a ticket state.");
        }
    }
}
