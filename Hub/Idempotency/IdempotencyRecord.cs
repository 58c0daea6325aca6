namespace LineaHub.Hub.Idempotency;

/// <summary>
/// One idempotency key used by one caller on one endpoint, and the answer it got. Times are Unix seconds
/// so that the row is inserted with one portable statement (see <see cref="IdempotencyStore"/>).
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The caller's client id (<c>sub</c> of its token): two nodes may use the same key.</summary>
    public required string Caller { get; set; }

    /// <summary>HTTP method and route pattern, e.g. <c>POST /api/v1/tickets/{code}/events</c>.</summary>
    public required string Endpoint { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>SHA-256 (hex) of the route values, the query and the body: tells a retry from a different request.</summary>
    public required string RequestHash { get; set; }

    /// <summary><see cref="IdempotencyStates"/>.</summary>
    public required string Status { get; set; }

    public int? ResponseStatusCode { get; set; }

    /// <summary>The headers worth replaying (<c>Content-Type</c>, <c>Location</c>, <c>ETag</c>) as a JSON object.</summary>
    public string? ResponseHeaders { get; set; }

    /// <summary>The response body (JSON text), or null when it was empty or too large to keep.</summary>
    public string? ResponseBody { get; set; }

    public long CreatedAtUnixSeconds { get; set; }

    public long? CompletedAtUnixSeconds { get; set; }

    public long ExpiresAtUnixSeconds { get; set; }
}
