namespace LineaHub.Schemas.Tickets;

/// <summary>
/// The outcome of <see cref="TicketStateMachine.Apply"/>: either the ticket moved, or the action was refused
/// and nothing changed. On a refusal the hub answers 409 with <see cref="AllowedActions"/>.
/// </summary>
public sealed record TransitionResult
{
    private TransitionResult(bool moved, string state, IReadOnlyList<string> allowedActions)
    {
        Moved = moved;
        State = state;
        AllowedActions = allowedActions;
    }

    /// <summary>True when the action was allowed and the ticket is now in <see cref="State"/>.</summary>
    public bool Moved { get; }

    /// <summary>The state after the call: the new one when moved, the unchanged current one when refused.</summary>
    public string State { get; }

    /// <summary>
    /// When refused: the actions the caller's roles allow in the current state, in the order of
    /// <see cref="TicketActions.All"/> (empty when the caller may do nothing). Empty when moved: after a
    /// move the caller's roles may have changed too (a receiver that accepts becomes the holder).
    /// </summary>
    public IReadOnlyList<string> AllowedActions { get; }

    internal static TransitionResult To(string state) => new(true, state, []);

    internal static TransitionResult Refused(string state, IReadOnlyList<string> allowedActions) =>
        new(false, state, allowedActions);
}
