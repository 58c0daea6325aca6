using LineaHub.Schemas.Auth;

namespace LineaHub.Schemas.Nodes;

/// <summary>
/// A joined node replaces its signing key. The call is authenticated with a token obtained with the
/// old key; <paramref name="Proof"/> is a JWT signed with the new key (<c>sub</c> = client id) so the
/// hub knows the node holds it.
/// </summary>
public sealed record RotateSigningKeyRequest(PublicJwk? SigningKey, string? Proof);
