namespace LineaHub.Hub.Auth;

/// <summary>
/// A client assertion already presented, kept until it expires so that a replay is refused.
/// Expiry is stored as Unix seconds so the replay guard can insert it with one portable statement.
/// </summary>
public sealed class UsedClientAssertion
{
    public required string ClientId { get; set; }

    public required string Jti { get; set; }

    public long ExpiresAtUnixSeconds { get; set; }
}
