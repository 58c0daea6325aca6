using System.Security.Cryptography;
using System.Text;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// One-time join codes: 20 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
/// about 98 bits of randomness, grouped by five so that a person can type them.
/// </summary>
public static class JoinCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 20;

    public static string Generate()
    {
        var builder = new StringBuilder(Length + 3);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 5 == 0)
            {
                builder.Append('-');
            }

            builder.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>Upper case, without separators or spaces: what people type varies, the code does not.</summary>
    public static string Normalize(string code) =>
        new([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);

    /// <summary>Hex SHA-256 of the normalised code: what the database keeps.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}
