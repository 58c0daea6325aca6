using LineaHub.Schemas.Tickets;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// The status the agent records when the office itself acts on a ticket, before the hub confirms: the hub tells
/// every party of a change except the one that acted, so without this the office would not see its own action.
/// </summary>
internal static class LocalStatus
{
    // The office acted as whichever role it had; the hub checks the role, this only predicts the outcome.
    private static readonly HashSet<string> AnyParty = [TicketActors.Origin, TicketActors.Holder, TicketActors.Receiver];

    /// <summary>The status after <paramref name="action"/>, or the same status when the state machine does not allow it from there.</summary>
    public static string After(string status, string action) =>
        TicketStates.All.Contains(status) ? TicketStateMachine.Apply(status, action, AnyParty).State : status;

    /// <summary>True for a final status (closed, cancelled); false for one this build does not know.</summary>
    public static bool IsFinal(string status) => TicketStates.All.Contains(status) && TicketStateMachine.IsFinal(status);
}
