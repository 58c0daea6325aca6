using System.Security.Cryptography;
using LineaHub.Schemas.Auth;
using Microsoft.IdentityModel.Tokens;

namespace LineaHub.Schemas.Tests.Auth;

public sealed class PublicJwkTests
{
    [Fact]
    public void Thumbprint_matches_an_independent_rfc7638_implementation()
    {
        for (var i = 0; i < 20; i++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var jwk = ToJwk(key);
            var reference = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key));

            Assert.Equal(Base64UrlEncoder.Encode(reference.ComputeJwkThumbprint()), jwk.Thumbprint());
        }
    }

    [Fact]
    public void A_public_p256_key_is_accepted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Null(ToJwk(key).Problem(PublicJwk.UseSignature));
    }

    [Fact]
    public void Private_material_other_curves_wrong_use_and_bad_coordinates_are_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = ToJwk(key);

        Assert.Contains("privata", (jwk with { D = "AAAA" }).Problem(PublicJwk.UseSignature), StringComparison.Ordinal);
        Assert.NotNull((jwk with { Crv = "P-384" }).Problem(PublicJwk.UseSignature));
        Assert.NotNull((jwk with { Kty = "RSA" }).Problem(PublicJwk.UseSignature));
        Assert.NotNull(jwk.Problem(PublicJwk.UseEncryption));
        Assert.NotNull((jwk with { X = "short" }).Problem(PublicJwk.UseSignature));
        Assert.NotNull((jwk with { Y = null }).Problem(PublicJwk.UseSignature));
    }

    [Fact]
    public void A_coordinate_of_the_right_length_with_a_character_outside_base64url_is_refused_not_thrown()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = ToJwk(key);

        Assert.NotNull((jwk with { X = "+" + jwk.X![1..] }).Problem(PublicJwk.UseSignature));
        Assert.NotNull((jwk with { Y = jwk.Y![..^1] + "/" }).Problem(PublicJwk.UseSignature));
    }

    private static PublicJwk ToJwk(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new PublicJwk("EC", PublicJwk.Curve, Base64UrlEncoder.Encode(parameters.Q.X), Base64UrlEncoder.Encode(parameters.Q.Y), PublicJwk.UseSignature, null, "ES256");
    }
}
