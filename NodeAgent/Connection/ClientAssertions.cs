using System.Security.Claims;
using LineaHub.NodeAgent.Join;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LineaHub.NodeAgent.Connection;

/// <summary>
/// RFC 7523 client assertions: <c>iss</c> = <c>sub</c> = client id, <c>aud</c> = the hub's issuer
/// (draft-ietf-oauth-rfc7523bis narrows the audience to the issuer to stop audience injection, and
/// OpenIddict 7 enforces it), a short life and a fresh <c>jti</c> each time, since the hub refuses a
/// replayed one.
/// </summary>
public static class ClientAssertions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>
    /// The explicit JWT type of draft-ietf-oauth-rfc7523bis, which OpenIddict 7 requires so that no
    /// other kind of JWT (an ID token, say) can be passed off as a client assertion.
    /// </summary>
    public const string JwtType = "client-authentication+jwt";

    public static string Create(string clientId, Uri audience, AgentKey key, DateTimeOffset now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience.AbsoluteUri,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, clientId),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            TokenType = JwtType,
            SigningCredentials = key.SigningCredentials(),
        });

    /// <summary>Proof that the agent holds a new signing key, for a key rotation.</summary>
    public static string CreateKeyProof(string clientId, AgentKey newKey, DateTimeOffset now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, clientId),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = newKey.SigningCredentials(),
        });
}
