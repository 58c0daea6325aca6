using LineaHub.Schemas.Auth;
using Microsoft.IdentityModel.Tokens;

namespace LineaHub.Hub.Nodes;

internal static class NodeKeys
{
    /// <summary>The JWKS OpenIddict checks the node's client assertions against: exactly one key.</summary>
    public static JsonWebKeySet SigningKeySet(PublicJwk key)
    {
        var set = new JsonWebKeySet();
        set.Keys.Add(ToSecurityKey(key));
        return set;
    }

    public static JsonWebKey ToSecurityKey(PublicJwk key) => new()
    {
        Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
        Crv = JsonWebKeyECTypes.P256,
        X = key.X,
        Y = key.Y,
        Use = JsonWebKeyUseNames.Sig,
        Alg = SecurityAlgorithms.EcdsaSha256,
        Kid = key.Thumbprint(),
    };
}
