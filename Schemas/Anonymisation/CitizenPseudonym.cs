using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LineaHub.Schemas.Anonymisation;

/// <summary>
/// The citizen identifier of an archive record (codice fiscale, phone, e-mail…) as a keyed pseudonym: HMAC-SHA256
/// with a secret that never leaves the office's node. The same citizen gets the same pseudonym at that office, so
/// repeat contacts can be counted; without the secret nobody — the hub included — can compute it from a known
/// identifier, and two offices' pseudonyms of one citizen do not match.
/// </summary>
public static class CitizenPseudonym
{
    /// <summary>Shortest secret accepted: 256 bits, the HMAC-SHA256 block security.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>Characters of the pseudonym: 22 base64url characters are 132 bits of the HMAC.</summary>
    public const int Length = 22;

    /// <summary>A fresh random secret for a node.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(MinimumSecretBytes);

    /// <summary>
    /// The pseudonym of <paramref name="identifier"/>. Case, spaces and separators do not matter
    /// (<c>rssmra80a01h501u</c> and <c>RSS MRA 80A01 H501U</c> are one citizen).
    /// </summary>
    /// <exception cref="ArgumentException">The identifier is empty or the secret is shorter than <see cref="MinimumSecretBytes"/>.</exception>
    public static string Create(string identifier, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The secret must be at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        var normalised = Normalise(identifier);
        if (normalised.Length == 0)
        {
            throw new ArgumentException("The identifier has no letters or digits.", nameof(identifier));
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(normalised), mac);
        return Base64Url.EncodeToString(mac)[..Length];
    }

    /// <summary>Letters and digits only, upper case (and the @ and dot of an e-mail, so addresses stay distinct).</summary>
    private static string Normalise(string identifier)
    {
        var builder = new StringBuilder(identifier.Length);
        foreach (var c in identifier)
        {
            if (char.IsLetterOrDigit(c) || c is '@' or '.' or '+')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
