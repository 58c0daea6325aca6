namespace LineaHub.Hub.Idempotency;

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c> (read by the OpenAPI description).</summary>
public sealed class IdempotentEndpointMetadata
{
    public static IdempotentEndpointMetadata Instance { get; } = new();

    private IdempotentEndpointMetadata()
    {
    }
}
