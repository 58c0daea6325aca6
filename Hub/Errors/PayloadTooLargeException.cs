namespace LineaHub.Hub.Errors;

/// <summary>The request is well formed but carries more than one request may (413); split it.</summary>
public sealed class PayloadTooLargeException(string detail) : DomainException("Richiesta troppo grande", detail)
{
    public override int StatusCode => StatusCodes.Status413PayloadTooLarge;
}
