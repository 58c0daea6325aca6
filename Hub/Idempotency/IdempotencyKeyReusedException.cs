using LineaHub.Hub.Errors;

namespace LineaHub.Hub.Idempotency;

/// <summary>The key was used before for a request with other content: nothing is done, nothing is replayed.</summary>
public sealed class IdempotencyKeyReusedException() : DomainException(
    "Idempotency-Key già usata",
    "La stessa Idempotency-Key è stata usata per una richiesta diversa: usare una chiave nuova per ogni nuova richiesta.")
{
    public override int StatusCode => StatusCodes.Status422UnprocessableEntity;
}
