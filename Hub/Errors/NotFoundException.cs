namespace LineaHub.Hub.Errors;

public sealed class NotFoundException(string detail) : DomainException("Risorsa non trovata", detail)
{
    public override int StatusCode => StatusCodes.Status404NotFound;
}
