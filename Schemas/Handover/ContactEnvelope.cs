using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using LineaHub.Schemas.Auth;

namespace LineaHub.Schemas.Handover;

/// <summary>
/// Citizen contact data handed over between offices as a compact JWE (RFC 7516): <c>ECDH-ES</c> direct
/// key agreement on P-256 with the Concat KDF (RFC 7518 §4.6) and <c>A256GCM</c>. Only the recipient
/// office's private key opens it; the hub that stores and forwards it can read the header, never the data.
/// </summary>
public static class ContactEnvelope
{
    /// <summary>The only key management algorithm: ephemeral-static ECDH, the derived key is the content key.</summary>
    public const string Algorithm = "ECDH-ES";

    /// <summary>The only content encryption.</summary>
    public const string Encryption = "A256GCM";

    /// <summary>Longest envelope accepted, in characters.</summary>
    public const int MaxLength = 16 * 1024;

    private const int KeyBits = 256;
    private const int IvBytes = 12;
    private const int TagBytes = 16;

    private const string Malformed = "L'involucro non è un JWE compatto valido.";
    private const string NotAllowed = "Cifratura non ammessa: serve ECDH-ES con A256GCM.";
    private const string ForeignKey = "L'involucro è cifrato per un'altra chiave.";
    private const string BadEphemeralKey = "La chiave effimera (epk) non è una chiave pubblica P-256 valida.";
    private const string NotAuthentic = "L'involucro non si apre con questa chiave oppure è stato alterato.";
    private static readonly string TooLarge = $"L'involucro supera la dimensione massima di {MaxLength / 1024} KiB.";

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="recipient"/>, with a fresh ephemeral key and IV.</summary>
    /// <param name="recipient">The recipient's public P-256 encryption key; its thumbprint becomes <c>kid</c>.</param>
    /// <param name="contentType">The <c>cty</c> header, when the plaintext has a media type.</param>
    /// <exception cref="ArgumentException">The key is not an acceptable P-256 encryption key, or the envelope would exceed <see cref="MaxLength"/>.</exception>
    public static string Seal(ReadOnlySpan<byte> plaintext, PublicJwk recipient, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.Problem(PublicJwk.UseEncryption) is { } problem)
        {
            throw new ArgumentException(problem, nameof(recipient));
        }

        using var recipientKey = TryImport(recipient)
            ?? throw new ArgumentException("La chiave del destinatario non è un punto della curva P-256.", nameof(recipient));
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var header = new ContactEnvelopeHeader(Algorithm, Encryption, recipient.Thumbprint(), contentType, ToJwk(ephemeral.ExportParameters(false)));
        var protectedHeader = Base64Url.EncodeToString(header.ToJson());

        var length = protectedHeader.Length + Base64Url.GetEncodedLength(IvBytes) + Base64Url.GetEncodedLength(plaintext.Length)
            + Base64Url.GetEncodedLength(TagBytes) + 4;
        if (length > MaxLength)
        {
            throw new ArgumentException(TooLarge, nameof(plaintext));
        }

        var iv = RandomNumberGenerator.GetBytes(IvBytes);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagBytes];
        var key = DeriveKey(ephemeral, recipientKey, header);
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Encrypt(iv, plaintext, ciphertext, tag, Encoding.ASCII.GetBytes(protectedHeader));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return string.Join('.', protectedHeader, string.Empty, Base64Url.EncodeToString(iv), Base64Url.EncodeToString(ciphertext), Base64Url.EncodeToString(tag));
    }

    /// <summary>Decrypts an envelope sealed for the key whose private half is <paramref name="recipientPrivate"/>.</summary>
    /// <param name="recipientPrivate">The recipient's P-256 key pair, e.g. <c>ECDsa.ExportParameters(true)</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="recipientPrivate"/> is not a P-256 key pair.</exception>
    /// <exception cref="ContactEnvelopeException">The envelope is malformed, not ECDH-ES with A256GCM, for another key, or altered.</exception>
    public static byte[] Open(string compact, ECParameters recipientPrivate)
    {
        ArgumentNullException.ThrowIfNull(compact);
        using var own = ImportPrivate(recipientPrivate);
        var ownKid = ToJwk(recipientPrivate).Thumbprint();

        if (compact.Length > MaxLength)
        {
            throw new ContactEnvelopeException(TooLarge);
        }

        var envelope = Parse(compact) ?? throw new ContactEnvelopeException(Malformed);
        if (Check(envelope.Header, ownKid) is { } problem)
        {
            throw new ContactEnvelopeException(problem);
        }

        using var ephemeral = TryImport(envelope.Header.Epk!) ?? throw new ContactEnvelopeException(BadEphemeralKey);
        var key = DeriveKey(own, ephemeral, envelope.Header);
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            var plaintext = new byte[envelope.Ciphertext.Length];
            aes.Decrypt(envelope.Iv, envelope.Ciphertext, envelope.Tag, plaintext, Encoding.ASCII.GetBytes(envelope.ProtectedHeader));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new ContactEnvelopeException(NotAuthentic, e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The protected header of a well-formed compact JWE, or null; nothing is decrypted or checked against a key.</summary>
    public static ContactEnvelopeHeader? ReadHeader(string? compact) => Parse(compact)?.Header;

    /// <summary>
    /// Why <paramref name="compact"/> is not an envelope that the key <paramref name="expectedKid"/> can open,
    /// in Italian, or null when it is: size, form, algorithms, ephemeral key and recipient are checked;
    /// whether the content is authentic only the recipient can tell.
    /// </summary>
    public static string? Problem(string? compact, string expectedKid)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedKid);
        if (compact is { Length: > MaxLength })
        {
            return TooLarge;
        }

        if (Parse(compact) is not { } envelope)
        {
            return Malformed;
        }

        if (Check(envelope.Header, expectedKid) is { } problem)
        {
            return problem;
        }

        using var ephemeral = TryImport(envelope.Header.Epk!);
        return ephemeral is null ? BadEphemeralKey : null;
    }

    private static string? Check(ContactEnvelopeHeader header, string expectedKid)
    {
        if (header.Alg != Algorithm || header.Enc != Encryption)
        {
            return NotAllowed;
        }

        if (!IsEphemeralKey(header.Epk))
        {
            return BadEphemeralKey;
        }

        return header.Kid == expectedKid ? null : ForeignKey;
    }

    private static bool IsEphemeralKey(PublicJwk? epk) =>
        epk is { Kty: "EC", Crv: PublicJwk.Curve, D: null } && PublicJwk.IsCoordinate(epk.X) && PublicJwk.IsCoordinate(epk.Y);

    private static Envelope? Parse(string? compact)
    {
        if (compact is null || compact.Length > MaxLength)
        {
            return null;
        }

        // Direct key agreement: the encrypted key is empty (RFC 7518 §4.6).
        var parts = compact.Split('.');
        if (parts.Length != 5
            || parts[1].Length != 0
            || !Base64UrlStrict.TryDecode(parts[0], out var headerJson)
            || !Base64UrlStrict.TryDecode(parts[2], out var iv) || iv.Length != IvBytes
            || !Base64UrlStrict.TryDecode(parts[3], out var ciphertext)
            || !Base64UrlStrict.TryDecode(parts[4], out var tag) || tag.Length != TagBytes
            || ContactEnvelopeHeader.FromJson(headerJson) is not { } header)
        {
            return null;
        }

        return new Envelope(header, parts[0], iv, ciphertext, tag);
    }

    private static byte[] DeriveKey(ECDiffieHellman own, ECDiffieHellman other, ContactEnvelopeHeader header)
    {
        var z = own.DeriveRawSecretAgreement(other.PublicKey);
        try
        {
            return ConcatKdf.DeriveKey(z, KeyBits, Encryption, Decode(header.Apu), Decode(header.Apv));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(z);
        }
    }

    private static byte[] Decode(string? base64Url) =>
        base64Url is not null && Base64UrlStrict.TryDecode(base64Url, out var bytes) ? bytes : [];

    // The import refuses a point that is not on the curve, which is what stops invalid-curve attacks.
    private static ECDiffieHellman? TryImport(PublicJwk jwk)
    {
        try
        {
            return ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
            });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static ECDiffieHellman ImportPrivate(ECParameters recipientPrivate)
    {
        if (recipientPrivate.D is not { Length: 32 } || recipientPrivate.Q.X is not { Length: 32 } || recipientPrivate.Q.Y is not { Length: 32 })
        {
            throw new ArgumentException("Serve la coppia di chiavi P-256 del destinatario, con la parte privata.", nameof(recipientPrivate));
        }

        try
        {
            return ECDiffieHellman.Create(recipientPrivate);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("La chiave del destinatario non è una coppia di chiavi P-256 valida.", nameof(recipientPrivate), e);
        }
    }

    private static PublicJwk ToJwk(ECParameters parameters) =>
        new("EC", PublicJwk.Curve, Base64Url.EncodeToString(parameters.Q.X), Base64Url.EncodeToString(parameters.Q.Y), null, null, null);

    private sealed record Envelope(ContactEnvelopeHeader Header, string ProtectedHeader, byte[] Iv, byte[] Ciphertext, byte[] Tag);
}
