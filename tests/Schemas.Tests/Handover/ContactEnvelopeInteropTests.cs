using System.Security.Cryptography;
using System.Text;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Handover;
using Microsoft.IdentityModel.Tokens;

namespace LineaHub.Schemas.Tests.Handover;

public sealed class ContactEnvelopeInteropTests
{
    // JsonWebTokenHandler 8.23 refuses ECDH-ES with A256GCM as a whole (IDX10619), so only its key agreement
    // and Concat KDF are borrowed; the AES-GCM step is the BCL's either way.
    [Fact]
    public void Microsoft_IdentityModel_derives_the_same_content_key()
    {
        using var office = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = office.ExportParameters(includePrivateParameters: false).Q;
        var recipient = new PublicJwk("EC", PublicJwk.Curve, Base64UrlEncoder.Encode(q.X), Base64UrlEncoder.Encode(q.Y), PublicJwk.UseEncryption, null, null);
        var compact = ContactEnvelope.Seal("{\"phone\":\"+39 333 1234567\"}"u8, recipient);
        var parts = compact.Split('.');
        var epk = ContactEnvelope.ReadHeader(compact)!.Epk!;

        var agreement = new EcdhKeyExchangeProvider(
            new ECDsaSecurityKey(office),
            new JsonWebKey { Kty = "EC", Crv = PublicJwk.Curve, X = epk.X, Y = epk.Y },
            SecurityAlgorithms.EcdhEs,
            SecurityAlgorithms.Aes256Gcm);
        var key = (SymmetricSecurityKey)agreement.GenerateKdf();
        var ciphertext = Base64UrlEncoder.DecodeBytes(parts[3]);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key.Key, 16))
        {
            aes.Decrypt(Base64UrlEncoder.DecodeBytes(parts[2]), ciphertext, Base64UrlEncoder.DecodeBytes(parts[4]), plaintext, Encoding.ASCII.GetBytes(parts[0]));
        }

        Assert.Equal("{\"phone\":\"+39 333 1234567\"}", Encoding.UTF8.GetString(plaintext));
    }
}
