namespace LineaHub.Hub.Errors;

/// <summary>
/// The request was valid when it was made and is no longer needed: the state it was meant for has passed (410).
/// An agent's outbox takes this as the final answer to that write, not as a failure.
/// </summary>
/// <param name="detail">What has passed, in words for the operator.</param>
public sealed class GoneException(string detail) : DomainException("Non più necessario", detail)
{
    public override int StatusCode => StatusCodes.Status410Gone;
}
