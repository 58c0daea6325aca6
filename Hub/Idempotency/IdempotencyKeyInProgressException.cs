using LineaHub.Hub.Errors;

namespace LineaHub.Hub.Idempotency;

/// <summary>A request with the same key is still being processed: retry shortly and get its answer.</summary>
public sealed class IdempotencyKeyInProgressException() : DomainException(
    "Richiesta in corso",
    "Una richiesta con la stessa Idempotency-Key è ancora in elaborazione: riprovare tra poco.")
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public override TimeSpan? RetryAfter => TimeSpan.FromSeconds(1);

    public override bool IsTransient => true;
}
