namespace LineaHub.Hub.Errors;

/// <summary>The action is not allowed in the current state or to this caller; the problem lists what is.</summary>
public sealed class TransitionRefusedException(string detail, string state, IReadOnlyList<string> allowedActions)
    : DomainException("Azione non consentita", detail)
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>
    {
        ["state"] = state,
        ["allowedActions"] = allowedActions,
    };
}
