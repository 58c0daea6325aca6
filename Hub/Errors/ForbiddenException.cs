namespace LineaHub.Hub.Errors;

public sealed class ForbiddenException(string detail) : DomainException("Operazione non consentita", detail)
{
    public override int StatusCode => StatusCodes.Status403Forbidden;
}
