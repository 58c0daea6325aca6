namespace LineaHub.Hub.Errors;

public sealed class ConflictException(string detail) : DomainException("Conflitto con lo stato attuale", detail)
{
    public override int StatusCode => StatusCodes.Status409Conflict;
}
