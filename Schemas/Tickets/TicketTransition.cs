namespace LineaHub.Schemas.Tickets;

/// <summary>One row of <see cref="TicketStateMachine.Transitions"/>: in state <paramref name="From"/>, a caller with any of <paramref name="Actors"/> may do <paramref name="Action"/>, and the ticket moves to <paramref name="To"/>.</summary>
/// <param name="From">A <see cref="TicketStates">state</see>.</param>
/// <param name="Action">A <see cref="TicketActions">action</see>.</param>
/// <param name="Actors">The <see cref="TicketActors">roles</see> allowed to do it; one of them is enough.</param>
/// <param name="To">The state after it.</param>
public sealed record TicketTransition(string From, string Action, IReadOnlyList<string> Actors, string To);
