using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LineaHub.Schemas.Auth;

/// <summary>
/// A public elliptic-curve key as a JSON Web Key (RFC 7517). Agents send these; the hub refuses
/// any that carries private material (<see cref="D"/>).
/// </summary>
public sealed record PublicJwk(
    string? Kty,
    string? Crv,
    string? X,
    string? Y,
    string? Use,
    string? Kid,
    string? Alg,
    string? D = null)
{
    /// <summary>The only curve accepted, for both signing (ES256) and key agreement (ECDH-ES).</summary>
    public const string Curve = "P-256";

    /// <summary>Intended use: signature.</summary>
    public const string UseSignature = "sig";

    /// <summary>Intended use: encryption.</summary>
    public const string UseEncryption = "enc";

    /// <summary>
    /// RFC 7638 thumbprint (SHA-256, base64url) over the required members in lexicographic order;
    /// used as the key id so that hub and agent name a key the same way.
    /// </summary>
    public string Thumbprint()
    {
        var canonical = $"{{\"crv\":\"{Crv}\",\"kty\":\"{Kty}\",\"x\":\"{X}\",\"y\":\"{Y}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Why this key is not an acceptable public P-256 key for <paramref name="expectedUse"/>,
    /// in Italian, or null when it is.
    /// </summary>
    public string? Problem(string expectedUse)
    {
        if (!string.IsNullOrEmpty(D))
        {
            return "La chiave contiene la parte privata: inviare solo la chiave pubblica.";
        }

        if (Kty != "EC" || Crv != Curve)
        {
            return "È accettata solo una chiave EC sulla curva P-256.";
        }

        if (Use is not null && Use != expectedUse)
        {
            return $"L'uso della chiave deve essere '{expectedUse}'.";
        }

        if (!IsCoordinate(X) || !IsCoordinate(Y))
        {
            return "Le coordinate x e y devono essere di 32 byte in base64url.";
        }

        return null;
    }

    /// <summary>A P-256 coordinate: exactly 32 bytes in strict base64url (no padding, whitespace or stray bits).</summary>
    internal static bool IsCoordinate(string? value) =>
        value is { Length: 43 } && Base64UrlStrict.TryDecode(value, out var bytes) && bytes.Length == 32;
}
