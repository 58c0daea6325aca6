namespace LineaHub.Hub.Idempotency;

public static class IdempotencyEndpointExtensions
{
    private const int BufferInMemoryBytes = 1024 * 1024;

    /// <summary>
    /// Makes retries of this endpoint safe: a request with an <c>Idempotency-Key</c> already answered gets
    /// the stored answer instead of running again (see <see cref="IdempotencyFilter"/>). For authenticated
    /// endpoints whose handlers return <see cref="IResult"/> and throw domain exceptions. Filters of the route
    /// group (the caller checks) run before it, so a refused caller leaves no record.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder)
    {
        // Model binding reads the body before any endpoint filter runs; buffering it first is what lets the
        // filter read it again for the fingerprint. Only requests that carry a key pay for it.
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate
                ?? throw new InvalidOperationException("WithIdempotency() applies to endpoints with a request delegate.");
            endpoint.RequestDelegate = context =>
            {
                if (context.Request.Headers.ContainsKey(IdempotencyKeyHeader.Name))
                {
                    // In memory up to a megabyte (an archive batch is ~650 KB), not the default 30 KB after which the
                    // body goes to a temporary file and is read back from disk for the fingerprint.
                    context.Request.EnableBuffering(BufferInMemoryBytes);
                }

                return inner(context);
            };
            endpoint.Metadata.Add(IdempotentEndpointMetadata.Instance);
        });
        return builder.AddEndpointFilter<IdempotencyFilter>();
    }
}
