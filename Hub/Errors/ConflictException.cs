namespace LineaHub.Hub.Errors;

/// <param name="detail">What conflicts, in words for the operator.</param>
/// <param name="transient">The conflict was a race that a retry of the same request may win.</param>
public sealed class ConflictException(string detail, bool transient = false) : DomainException("Conflitto con lo stato attuale", detail)
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public override bool IsTransient => transient;
}
